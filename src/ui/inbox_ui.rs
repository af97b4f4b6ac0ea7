//! The screenshot inbox: the dialog that turns it on, its mark in the top bar, and the offer to
//! take in the images that were in the folder already.

use std::path::PathBuf;

use super::ViewState;
use super::fields::stretch_before_ui;
use super::typed_path::typed_full_path;
use crate::command::Command;
use crate::tr;

/// What the window shows of the open board's inbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxStatus {
    /// The folder watched.
    pub folder: PathBuf,
    /// New images go onto the selected card.
    pub attach_to_selected: bool,
    /// The folder is gone or can't be watched (why, in words); watching resumes when it is back.
    pub missing: Option<String>,
    /// How many images were in the folder when watching began, while the offer stands.
    pub offer: Option<usize>,
}

/// The inbox dialog as filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxDialog {
    /// The folder, as typed.
    pub folder: String,
    /// "Attach to the selected card".
    pub attach_to_selected: bool,
}

/// The mark in the top bar while the inbox is on: the folder's name, a click away from the dialog.
pub fn inbox_indicator_ui(ui: &mut egui::Ui, inbox: &InboxStatus, view: &mut ViewState, commands: &mut Vec<Command>) {
    let name = inbox.folder.file_name().map_or_else(
        || inbox.folder.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let folder = inbox.folder.display().to_string();
    let (text, hover) = match &inbox.missing {
        None => (
            egui::RichText::new(tr!("inbox-indicator", folder = name)).weak(),
            tr!("inbox-indicator-hover", folder = folder),
        ),
        Some(error) => (
            egui::RichText::new(tr!("inbox-indicator-missing", folder = name)).color(ui.visuals().warn_fg_color),
            tr!("inbox-indicator-missing-hover", error = error.clone()),
        ),
    };
    if ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(hover)
        .clicked()
    {
        open_inbox_dialog(view, commands);
    }
}

/// Opens the inbox dialog, filled in by the app.
pub fn open_inbox_dialog(view: &mut ViewState, commands: &mut Vec<Command>) {
    view.inbox_dialog = Some(InboxDialog::default());
    commands.push(Command::InboxDialogOpened);
}

/// The dialog that turns the inbox on, changes its folder, or turns it off.
pub fn inbox_dialog_ui(
    ctx: &egui::Context,
    inbox: Option<&InboxStatus>,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let Some(dialog) = &mut view.inbox_dialog else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("inbox_dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(tr!("inbox-heading"));
        ui.add_space(4.0);
        ui.label(tr!("inbox-explanation"));
        ui.add_space(6.0);
        let label = ui.label(tr!("inbox-folder"));
        let native_dialogs = view.native_dialogs;
        let start_in = typed_full_path(&dialog.folder);
        ui.horizontal(|ui| {
            let field_ui = |ui: &mut egui::Ui, width| {
                ui.add(egui::TextEdit::singleline(&mut dialog.folder).desired_width(width))
                    .labelled_by(label.id);
            };
            let choose_id = ui.scope_id().with("inbox_choose");
            stretch_before_ui(ui, choose_id, 120.0, field_ui, |ui| {
                let choose = ui
                    .add_enabled(native_dialogs, egui::Button::new(tr!("inbox-choose")))
                    .on_disabled_hover_text(tr!("inbox-folder-full-path"));
                if choose.clicked() {
                    commands.push(Command::PickInboxFolder(start_in));
                }
            });
        });
        let folder = typed_full_path(&dialog.folder);
        if folder.is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("inbox-folder-full-path"));
        }
        ui.checkbox(&mut dialog.attach_to_selected, tr!("inbox-attach"))
            .on_hover_text(tr!("inbox-attach-hover"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let watch = ui.add_enabled(folder.is_some(), egui::Button::new(tr!("inbox-watch")));
            if watch.clicked()
                && let Some(folder) = folder
            {
                commands.push(Command::WatchInbox {
                    folder,
                    attach_to_selected: dialog.attach_to_selected,
                });
                close = true;
            }
            if inbox.is_some() && ui.button(tr!("inbox-stop")).clicked() {
                commands.push(Command::StopInbox);
                close = true;
            }
            if ui.button(tr!("cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        view.inbox_dialog = None;
    }
}

/// The offer, once, to take in the images that were in the folder when watching began.
pub fn inbox_offer_ui(ui: &mut egui::Ui, inbox: &InboxStatus, commands: &mut Vec<Command>) {
    let Some(count) = inbox.offer else {
        return;
    };
    egui::Panel::bottom("inbox_offer").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(tr!(
                "inbox-offer",
                count = count,
                folder = inbox.folder.display().to_string()
            ));
            if ui.button(tr!("inbox-offer-import", count = count)).clicked() {
                commands.push(Command::ImportInboxBacklog);
            }
            if ui.button(tr!("inbox-offer-leave")).clicked() {
                commands.push(Command::DismissInboxOffer);
            }
        });
    });
}
