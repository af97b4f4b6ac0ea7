//! Labelled text fields that report a change instead of editing the board in place.
//!
//! Each edits a copy of the value; the app applies the change as a command after the frame.

/// A labelled single-line field; returns the new text when the user changed it.
pub fn text_field_ui(ui: &mut egui::Ui, label: &str, value: &str, hint: &str) -> (Option<String>, egui::Response) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        edit_ui(ui, value, hint, label.id)
    })
    .inner
}

/// A labelled field for one line of text that wraps, so all of a long one can be read and edited;
/// Enter doesn't break the line, and a pasted line break becomes a space.
pub fn wrapping_field_ui(ui: &mut egui::Ui, label: &str, value: &str, hint: &str) -> (Option<String>, egui::Response) {
    ui.horizontal_top(|ui| {
        let label = ui.label(label);
        let mut text = value.to_owned();
        let edit = egui::TextEdit::multiline(&mut text)
            .hint_text(hint)
            .desired_width(f32::INFINITY)
            .desired_rows(1)
            .return_key(None);
        let response = ui.add(edit).labelled_by(label.id);
        let changed = response
            .changed()
            .then(|| text.replace("\r\n", " ").replace(['\r', '\n'], " "));
        (changed, response)
    })
    .inner
}

/// A single-line field without a visible label; `label` names it for screen readers and tests.
pub fn bare_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    hint: &str,
    width: f32,
) -> (Option<String>, egui::Response) {
    bare_edit_ui(ui, None, label, value, hint, width)
}

/// Like [`bare_field_ui`], with an id that stays the same when widgets before it come and go,
/// so it keeps the keyboard focus. `id_salt` must be unique in the enclosing scope.
pub fn bare_field_with_id_ui(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    value: &str,
    hint: &str,
    width: f32,
) -> (Option<String>, egui::Response) {
    bare_edit_ui(ui, Some(egui::IdSalt::new(id_salt)), label, value, hint, width)
}

fn bare_edit_ui(
    ui: &mut egui::Ui,
    id_salt: Option<egui::IdSalt>,
    label: &str,
    value: &str,
    hint: &str,
    width: f32,
) -> (Option<String>, egui::Response) {
    let mut text = value.to_owned();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text(hint)
        .desired_width(width);
    if let Some(id_salt) = id_salt {
        edit = edit.id_salt(id_salt);
    }
    let response = ui.add(edit);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, value, &text, hint);
        info.label = Some(label.to_owned());
        info
    });
    (response.changed().then_some(text), response)
}

fn edit_ui(ui: &mut egui::Ui, value: &str, hint: &str, label: egui::Id) -> (Option<String>, egui::Response) {
    let mut text = value.to_owned();
    let edit = egui::TextEdit::singleline(&mut text);
    let response = ui
        .add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(label);
    (response.changed().then_some(text), response)
}

/// A row laid out left to right, so Tab follows reading order, whose `stretch` part takes the width
/// the widgets `after` it leave: what they took last frame, remembered under `id` (when that
/// changes, the next frame has it right). `stretch` is given its width, at least `min_width`; on
/// the row's first frame just that, so that the row never runs past its panel, which would widen
/// a side panel for good.
pub fn stretch_before_ui<R>(
    ui: &mut egui::Ui,
    id: egui::Id,
    min_width: f32,
    stretch: impl FnOnce(&mut egui::Ui, f32) -> R,
    after: impl FnOnce(&mut egui::Ui),
) -> R {
    let after_width = ui.data(|data| data.get_temp::<f32>(id));
    let start = ui.cursor().min.x;
    let width = after_width.map_or(min_width, |after_width| {
        (ui.available_width() - after_width).max(min_width)
    });
    let stretched = stretch(ui, width);
    after(ui);
    let measured = ui.cursor().min.x - start - width;
    if after_width.is_none_or(|after_width| (measured - after_width).abs() > 0.5) {
        ui.data_mut(|data| data.insert_temp(id, measured));
        ui.ctx().request_repaint();
    }
    stretched
}

/// A place as wide as the widest of `texts`, there whatever `add_contents` shows in it: text that
/// comes, goes or changes there moves nothing beside it (a click aimed next to it lands there).
pub fn text_slot_ui(ui: &mut egui::Ui, texts: &[String], add_contents: impl FnOnce(&mut egui::Ui)) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = texts
        .iter()
        .map(|text| {
            ui.painter()
                .layout_no_wrap(text.clone(), font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let slot = egui::vec2(widest, ui.spacing().interact_size.y);
    let layout = egui::Layout::from_main_dir_and_cross_align(ui.layout().main_dir(), egui::Align::Center);
    ui.allocate_ui_with_layout(slot, layout, |ui| {
        ui.set_min_size(slot);
        add_contents(ui);
    });
}
