//! The window's background is painted once, as the colour each frame is cleared to, and the main
//! panels lie on it unfilled. A software renderer (llvmpipe, on a desktop without a GPU driver)
//! pays for every layer over every pixel: a second coat of the same colour under the whole board
//! was 2–3 ms of the first frame's 36 ms of painting.

/// The colour to clear each frame to: the panels' own.
pub fn clear_color(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// The central panel's usual frame, without its fill.
pub fn central_panel_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::central_panel(style).fill(egui::Color32::TRANSPARENT)
}

/// A side or top panel's usual frame, without its fill.
pub fn side_panel_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::side_top_panel(style).fill(egui::Color32::TRANSPARENT)
}
