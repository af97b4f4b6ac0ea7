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
