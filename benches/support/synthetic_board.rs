//! Synthetic boards for the benchmarks: any number of cards over 8 columns, notes of a few hundred
//! characters in English and Chinese, and up to one 1920x1080 screenshot per card, written to a folder.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use boothboard::model::{Board, ImageRef, Link, MediaName};
use boothboard::store;
use image::ImageFormat;

use crate::screenshot::screenshot;

pub const COLUMNS: usize = 8;

const ENGLISH_NOTES: &str = "Seen at the booth: the control plane runs as a Deployment, the data plane as an Envoy \
sidecar per service. Upgrades are rolling; **config** is a CRD.\n\n- ask about multi-cluster\n- try the demo\n";
const CHINESE_NOTES: &str = "在展台上看到的：控制平面作为 Deployment 运行，数据平面是每个服务旁边的 Envoy 代理。\
升级是滚动进行的，配置是一个 CRD。\n\n- 问一下多集群\n- 试试演示\n";

/// A board of `cards` cards with `images` distinct screenshots (spread evenly over the cards), saved
/// as `folder/board.json` with its media folder beside it. Returns the path and the board.
pub fn synthetic_board(folder: &Path, cards: usize, images: usize) -> (PathBuf, Board) {
    let path = folder.join("board.json");
    let mut board = Board::new(format!("Synthetic board: {cards} cards, {images} images"));
    let developer = board.add_theme("Developer story", "Has the developer story got better?");
    let database = board.add_theme("Database story", "Which databases are ready for Kubernetes?");
    let mut columns = vec![board.columns[0].id];
    columns.extend((1..COLUMNS).map(|n| board.add_column(format!("Hall {n}"))));
    let stored = store_screenshots(&store::media_dir_for(&path), images);
    let cards_per_image = if images == 0 {
        usize::MAX
    } else {
        cards.div_ceil(images)
    };
    for n in 0..cards {
        let id = board
            .add_card(columns[n % COLUMNS], format!("Project {n}"))
            .expect("a column of the board");
        if n % 2 == 0 {
            board.set_card_theme(id, developer, true).expect("a card of the board");
        }
        if n % 3 == 0 {
            board.set_card_theme(id, database, true).expect("a card of the board");
        }
        let card = board.card_mut(id).expect("a card of the board");
        card.summary = format!("Project {n} in one line: a service mesh, a database or a language.");
        card.notes = if n % 2 == 0 { ENGLISH_NOTES } else { CHINESE_NOTES }.repeat(2);
        card.links = vec![Link {
            label: "Repository".to_owned(),
            url: format!("https://github.com/example/project-{n}"),
        }];
        if n % cards_per_image == 0
            && let Some(image) = stored.get(n / cards_per_image)
        {
            card.images.push(image.clone());
        }
    }
    // As the app's boards are: every line, link, image and tick named.
    board.name_unnamed_cards();
    store::save(&path, &board).expect("the synthetic board saved");
    (path, board)
}

/// `count` different 1920x1080 PNG screenshots in `media_dir`, named by content as the app names them.
fn store_screenshots(media_dir: &Path, count: usize) -> Vec<ImageRef> {
    if count == 0 {
        return Vec::new();
    }
    std::fs::create_dir_all(media_dir).expect("a media folder");
    let mut png = Vec::new();
    screenshot(1920, 1080, 7)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .expect("a PNG in memory");
    (0..count)
        .map(|n| {
            // Bytes after the end of a PNG are ignored by decoders but make a different file.
            let mut bytes = png.clone();
            bytes.extend_from_slice(&(n as u64).to_le_bytes());
            let hash = blake3::hash(&bytes).to_hex();
            let file = MediaName::new(format!("{}.png", &hash.as_str()[..32])).expect("a plain file name");
            std::fs::write(media_dir.join(file.as_str()), &bytes).expect("a media file written");
            ImageRef {
                file,
                caption: format!("Screenshot {n}"),
                width: 1920,
                height: 1080,
            }
        })
        .collect()
}
