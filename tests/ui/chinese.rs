//! The window in Simplified Chinese (issue 15), as far as its words are translated so far.
//! Helpers come from `tests/ui.rs`.

use std::collections::BTreeSet;

use boothboard::app::{BoothboardApp, Startup, load_failure};
use boothboard::i18n::{self, Language};
use boothboard::open::open_or_create;
use boothboard::store::AppHome;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use super::common::catalogues::plain_texts;
use super::{Session, harness, sample_session};

/// The English catalogue's texts that the Chinese one words otherwise: none may show in the
/// Chinese window. (Names such as "Markdown" are the same in both and may.)
fn english_only_texts() -> BTreeSet<String> {
    let chinese = plain_texts("zh-CN");
    plain_texts("en-US")
        .into_iter()
        .filter(|(id, english)| chinese.get(id) != Some(english))
        .map(|(_, english)| english)
        .collect()
}

/// Every text the window shows on `screen` that is the English catalogue's, with where.
fn english_on(harness: &Harness<'_, BoothboardApp>, screen: &str, english: &BTreeSet<String>) -> Vec<String> {
    harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .flat_map(|node| {
            let node = node.accesskit_node();
            [
                node.label(),
                node.value(),
                node.description(),
                node.placeholder().map(str::to_owned),
            ]
        })
        .flatten()
        .filter(|text| english.contains(text.trim()))
        .map(|text| format!("{screen}: {text:?}"))
        .collect()
}

#[test]
fn no_english_is_left_anywhere_in_the_chinese_window() {
    i18n::set_language(Language::SimplifiedChinese);
    let english = english_only_texts();
    assert!(
        english.contains("Add column") && english.contains("Themes"),
        "the catalogue is read"
    );
    // The check finds English where there is some.
    i18n::set_language(Language::English);
    let english_window = sample_session();
    assert!(english_on(&english_window.harness, "English window", &english).len() > 10);
    i18n::set_language(Language::SimplifiedChinese);
    let mut found = Vec::new();

    let mut session = sample_session();
    found.extend(english_on(&session.harness, "board and themes panel", &english));
    // Each screen: what to click to reach it, and how many Esc presses close it again.
    let screens: [(&str, &[&str], usize); 9] = [
        ("board menu", &["看板"], 1),
        ("edit menu", &["编辑"], 1),
        ("language menu", &["视图", "语言"], 2),
        ("card editor", &["TiDB"], 0),
        ("card editor, notes", &["编辑笔记"], 1),
        ("delete card", &["删除卡片…"], 1),
        ("new theme", &["添加主题"], 1),
        ("export dialog", &["看板", "导出… Ctrl+E"], 1),
        ("undo in the edit menu", &["编辑"], 1),
    ];
    for (screen, clicks, escapes) in screens {
        for label in clicks {
            session.click(label);
        }
        found.extend(english_on(&session.harness, screen, &english));
        for _ in 0..escapes {
            session.press(egui::Modifiers::NONE, egui::Key::Escape);
        }
    }
    session.press(egui::Modifiers::NONE, egui::Key::F1);
    found.extend(english_on(&session.harness, "keyboard shortcuts (F1)", &english));
    session.press(egui::Modifiers::NONE, egui::Key::Escape);

    // Another window on the same board: read only, with its banner.
    let second = second_window_on(&session);
    found.extend(english_on(&second, "read-only window", &english));
    drop(second);

    // A damaged board file.
    let damaged = tempfile::tempdir().unwrap();
    let path = damaged.path().join("damaged.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"boothboard\",\n  \"version\": 1\n  \"title\": \"\"\n}\n",
    )
    .unwrap();
    let home = AppHome::at(damaged.path());
    let error = open_or_create(&home, &path).unwrap_err();
    let failed = harness(home, Startup::Failed(load_failure(&path, &error)));
    failed.get_by_label("无法打开这个看板");
    found.extend(english_on(&failed, "damaged board", &english));

    i18n::set_language(Language::English);
    assert!(found.is_empty(), "English in the Chinese window:\n{}", found.join("\n"));
}

/// A second window on the board `session` has open: read only while the first one writes it.
fn second_window_on(session: &Session) -> Harness<'static, BoothboardApp> {
    let home = session.home();
    let board = open_or_create(&home, &session.path).unwrap();
    let second = harness(home, Startup::Opened(session.path.clone(), Box::new(board)));
    second.get_by_label_contains("只读，这个窗口中不能做任何更改");
    second
}

#[test]
fn the_themes_panel_speaks_chinese() {
    // The language is the UI thread's: the harness draws on this one.
    i18n::set_language(Language::SimplifiedChinese);
    let mut session = sample_session();
    session.harness.get_by_label("主题");
    session.harness.get_by_label("你来展会想要回答的问题。");
    assert_eq!(session.harness.get_all_by_label("只显示这些").count(), 2);
    session.harness.get_by_label("4 张卡片");
    assert!(session.harness.query_by_label("Themes").is_none());
    assert!(session.harness.query_by_label("Show only these").is_none());
    session.click("添加主题");
    session.harness.get_by_label("主题名称");
    // A second untitled theme is numbered in the window's language, not in English.
    session.click("添加主题");
    let names: Vec<String> = session.board().themes.iter().map(|theme| theme.name.clone()).collect();
    assert_eq!(names[2..], ["", "未命名的主题 2"]);
    i18n::set_language(Language::English);
}

#[test]
fn the_card_editor_speaks_chinese() {
    i18n::set_language(Language::SimplifiedChinese);
    let mut session = sample_session();
    session.click("TiDB");
    for label in [
        "卡片",
        "标题",
        "摘要",
        "链接",
        "添加链接",
        "图片",
        "复制为 Markdown",
        "删除卡片…",
    ] {
        session.harness.get_by_label(label);
    }
    session.harness.get_by_label("链接 1 的地址");
    for english in ["Card", "Title", "Add link", "Images"] {
        assert!(session.harness.query_by_label(english).is_none(), "{english}");
    }
    i18n::set_language(Language::English);
}

#[test]
fn the_view_menu_switches_the_language_at_once_and_remembers_it() {
    let mut session = sample_session();
    session.click("View");
    session.click("Language");
    session.click("简体中文");
    // The same window, the next frame: no restart.
    session.harness.get_by_label("视图");
    session.harness.get_by_label("看板");
    assert!(session.harness.query_by_label("Board").is_none());
    let settings = session.home().settings_path();
    session.wait_for("the language in the settings", || {
        std::fs::read_to_string(&settings).is_ok_and(|text| text.contains("SimplifiedChinese"))
    });

    session.click("视图");
    session.click("语言");
    session.click("English");
    session.harness.get_by_label("View");
    session.wait_for("English in the settings", || {
        std::fs::read_to_string(&settings).is_ok_and(|text| text.contains("\"English\""))
    });
}

#[test]
fn a_first_launch_in_chinese_makes_the_sample_board_in_chinese() {
    i18n::set_language(Language::SimplifiedChinese);
    let session = sample_session();
    let board = session.harness.state().board().unwrap().clone();
    assert_eq!(board.title, "KubeCon + CloudNativeCon 北美 2018（西雅图）");
    for label in ["网关与语言", "数据库", "存储", "TiDB", "Gloo", "开发者体验"] {
        session.harness.get_by_label(label);
    }
    assert_eq!(board.card_by_title("TiDB").unwrap().images[0].caption, "TiDB 架构图");
    assert!(session.harness.query_by_label("Databases").is_none());
    i18n::set_language(Language::English);
}

/// Every widget on screen wider than its parent. (Past the window's edge is where the board's
/// columns scroll on to; `a_small_window_keeps_every_control_reachable` checks the panels' buttons.)
fn overflowing(harness: &Harness<'_, BoothboardApp>) -> Vec<String> {
    let mut overflowing = Vec::new();
    // A one-line field's text scrolls inside it: only text that is laid out to fit counts.
    let scrolls_inside = |node: &egui_kittest::Node<'_>| {
        node.accesskit_node().role() == Role::TextRun
            && node.parent().is_some_and(|parent| {
                parent.accesskit_node().role() == Role::TextInput && !parent.accesskit_node().is_multiline()
            })
    };
    for node in harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .filter(|node| !scrolls_inside(node))
    {
        let Some(rect) = node.accesskit_node().bounding_box() else {
            continue;
        };
        let label = (
            node.accesskit_node().role(),
            node.accesskit_node().label(),
            node.accesskit_node().value(),
        );
        if let Some(within) = node.parent().and_then(|parent| parent.accesskit_node().bounding_box())
            && rect.width() > within.width() + 1.0
        {
            overflowing.push(format!(
                "{label:?} is {:.0} wide in a parent {:.0} wide",
                rect.width(),
                within.width()
            ));
        }
    }
    overflowing
}

#[test]
fn chinese_text_wraps_inside_its_panels_in_a_small_window() {
    i18n::set_language(Language::SimplifiedChinese);
    let mut session = sample_session();
    session.harness.set_size(egui::vec2(800.0, 600.0));
    session.harness.run_steps(3);
    session.click("添加主题");
    session.harness.run_steps(3);
    let mut found = overflowing(&session.harness);
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    session.click("TiDB");
    session.harness.run_steps(3);
    found.extend(overflowing(&session.harness));
    // The long Chinese summary wraps in its field, so it is checked above like any text.
    assert!(session.harness.get_by_label("摘要").accesskit_node().is_multiline());
    i18n::set_language(Language::English);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
