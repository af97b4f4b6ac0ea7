//! The smallest eframe window, built with Boothboard's eframe features: the yardstick the window
//! benchmark (`cargo bench --bench window`) measures Boothboard's start-up against.

use boothboard::app::with_frame_probe;

struct Minimal;

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("A minimal eframe window");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Minimal")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("Minimal", options, Box::new(|_| Ok(with_frame_probe(Minimal))))
}
