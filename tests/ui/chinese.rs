//! The window in Simplified Chinese (issue 15), as far as its words are translated so far.
//! Helpers come from `tests/ui.rs`.

use boothboard::i18n::{self, Language};
use egui_kittest::kittest::Queryable as _;

use super::sample_session;

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
