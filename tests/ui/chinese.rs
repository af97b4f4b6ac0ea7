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
