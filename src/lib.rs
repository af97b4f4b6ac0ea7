//! Boothboard: a native card board for the projects you meet at a conference.
//!
//! Layers, lowest first: [`model`] (pure data), [`store`] (board files), [`media`] (images), [`export`] (Markdown,
//! Obsidian Kanban, JSON Canvas), [`open`] (load or create), [`import`] (Trello, Obsidian Kanban,
//! Markdown into a new board), [`inbox`] (a folder watched for screenshots), then [`cli`] and the
//! GUI ([`app`] over [`ui`]).
//! Only `app` and `ui` know egui. [`diagnostics`] (log file, crash reports) and [`i18n`] (the app's
//! words in the user's language) serve them all.

pub mod app;
pub mod cli;
pub mod command;
pub mod diagnostics;
pub mod export;
pub mod i18n;
pub mod import;
pub mod inbox;
pub mod media;
pub mod model;
pub mod open;
pub mod store;
pub mod ui;
