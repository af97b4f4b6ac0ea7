//! The built-in sample board: KubeCon + CloudNativeCon North America 2018.
//!
//! Written in this project's own words, so a first launch shows a useful board.

use super::{Board, Card, CardId, Column, ColumnId, ImageRef, Link, Theme, ThemeId};

/// The sample board's title.
pub const TITLE: &str = "KubeCon + CloudNativeCon North America 2018 (Seattle)";

/// Architecture images the sample board shows, once stored in its media folder.
#[derive(Clone, Debug)]
pub struct SampleImages {
    /// Gloo's architecture diagram.
    pub gloo: ImageRef,
    /// TiDB's architecture diagram.
    pub tidb: ImageRef,
}

struct CardText<'a> {
    title: &'a str,
    summary: &'a str,
    links: &'a [(&'a str, &'a str)],
    notes: &'a str,
    themes: &'a [ThemeId],
}

/// Builds the sample board around its stored images.
pub fn sample_board(images: SampleImages) -> Board {
    let developer = ThemeId(1);
    let database = ThemeId(2);
    let mut board = Board::new(TITLE);
    board.themes = vec![
        Theme {
            id: developer,
            name: "Developer story".to_owned(),
            question: "Has the developer story on Kubernetes got better?".to_owned(),
            ..Theme::default()
        },
        Theme {
            id: database,
            name: "Database story".to_owned(),
            question: "Which databases have a good story on Kubernetes, and what storage do they need?".to_owned(),
            ..Theme::default()
        },
    ];
    let mut gateways = Vec::new();
    let mut databases = Vec::new();
    let mut storage = Vec::new();

    gateways.push(card(&CardText {
        title: "Gloo",
        summary: "solo.io's application gateway: Envoy underneath, routes to functions as well as services",
        links: &[("Repository", "https://github.com/solo-io/gloo"), ("Site", "https://www.solo.io/")],
        notes: "\
Gloo sits at the edge of the cluster and is built on **Envoy**.

- Discovers upstreams on its own: Kubernetes services, AWS Lambda functions, REST and gRPC endpoints.
- Routes to a *function*, not only to a service, so a monolith, microservices and serverless can sit behind one gateway.
- `glooctl` does the set-up; also offered as the ingress for Knative.

Developer story: the best demo of the day. One routing table across old and new code is what our team keeps asking for.",
        themes: &[developer],
    }));
    gateways.push(card(&CardText {
        title: "Ballerina",
        summary: "A programming language for network services, with sequence diagrams as a first-class view",
        links: &[
            ("Repository", "https://github.com/ballerina-platform/ballerina-lang"),
            ("Site", "https://ballerina.io/"),
        ],
        notes: "\
A language made for integration code: services, endpoints and network calls are part of the syntax.

- Every function can be shown as a sequence diagram, generated from the code.
- Annotations on a service produce the Docker image and the Kubernetes YAML at build time, so no hand-written deployment files.
- Backed by WSO2.

Question for later: how does it feel after the demo — debugging, libraries, hiring?",
        themes: &[developer],
    }));

    databases.push(card(&CardText {
        title: "TiDB",
        summary: "PingCAP's MySQL-compatible distributed SQL database: TiDB, TiKV, PD and TiSpark",
        links: &[
            ("Repository", "https://github.com/pingcap/tidb"),
            ("TiKV", "https://github.com/tikv/tikv"),
            ("Operator", "https://github.com/pingcap/tidb-operator"),
            ("Site", "https://pingcap.com/"),
        ],
        notes: "\
Four parts, each scaled on its own:

1. **TiDB** servers: stateless, speak the MySQL protocol, plan and run SQL.
2. **TiKV**: the distributed transactional key-value store underneath, Raft replicated, written in Rust (a CNCF project since this year).
3. **PD** (placement driver): cluster metadata, timestamps for transactions, moves regions around.
4. **TiSpark**: Spark reading TiKV directly for the analytical side.

On Kubernetes: TiDB Operator runs the whole thing. TiKV wants fast local disks, so the talk used local persistent volumes rather than network storage.",
        themes: &[database],
    }));
    databases.push(card(&CardText {
        title: "FoundationDB",
        summary: "Apple's ordered, transactional key-value store, open source since April 2018",
        links: &[
            ("Repository", "https://github.com/apple/foundationdb"),
            ("Site", "https://www.foundationdb.org/"),
        ],
        notes: "\
A small core — ordered keys, ACID transactions across the whole cluster — and *layers* on top that give documents, records or SQL.

- Known for deterministic simulation testing of the whole cluster.
- No Kubernetes operator to show yet; ask again next year.",
        themes: &[database],
    }));
    databases.push(card(&CardText {
        title: "Cassandra / DataStax Enterprise",
        summary: "The wide-column database, and DataStax's distribution with search and analytics",
        links: &[
            ("Apache Cassandra", "https://cassandra.apache.org/"),
            ("DataStax", "https://www.datastax.com/"),
        ],
        notes: "\
Runs on Kubernetes as a StatefulSet with one persistent volume per node.

- Seeds and rack awareness need care when pods move.
- Repairs and backups are still the operator's job; several operators are in the works.",
        themes: &[database],
    }));
    storage.push(card(&CardText {
        title: "Rook",
        summary: "Storage orchestration for Kubernetes: runs Ceph and other storage inside the cluster",
        links: &[
            ("Repository", "https://github.com/rook/rook"),
            ("Site", "https://rook.io/"),
        ],
        notes: "\
Answers the second half of the database question: where the volumes come from when there is no cloud disk.

- Ceph block, file and object storage, managed by an operator.
- CNCF incubating project.",
        themes: &[database],
    }));

    if let Some(gloo) = gateways.first_mut() {
        gloo.images.push(images.gloo);
    }
    if let Some(tidb) = databases.first_mut() {
        tidb.images.push(images.tidb);
    }
    board.columns = vec![
        Column {
            id: ColumnId(1),
            name: "Gateways and languages".to_owned(),
            cards: gateways,
            ..Column::default()
        },
        Column {
            id: ColumnId(2),
            name: "Databases".to_owned(),
            cards: databases,
            ..Column::default()
        },
        Column {
            id: ColumnId(3),
            name: "Storage".to_owned(),
            cards: storage,
            ..Column::default()
        },
    ];
    for (number, card) in board
        .columns
        .iter_mut()
        .flat_map(|column| &mut column.cards)
        .enumerate()
    {
        card.id = CardId(number as u64 + 1);
    }
    board.settle_orders();
    board
}

fn card(text: &CardText<'_>) -> Card {
    Card {
        title: text.title.to_owned(),
        summary: text.summary.to_owned(),
        links: text
            .links
            .iter()
            .map(|(label, url)| Link {
                label: (*label).to_owned(),
                url: (*url).to_owned(),
            })
            .collect(),
        notes: text.notes.to_owned(),
        themes: text.themes.iter().copied().collect(),
        ..Card::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MediaName;

    fn image(name: &str) -> ImageRef {
        ImageRef {
            file: MediaName::new(name).unwrap(),
            caption: name.to_owned(),
            width: 1,
            height: 1,
        }
    }

    #[test]
    fn sample_board_is_sound_and_complete() {
        let board = sample_board(SampleImages {
            gloo: image("gloo.png"),
            tidb: image("tidb.png"),
        });
        assert!(board.problems().is_empty(), "{:?}", board.problems());
        for title in [
            "Gloo",
            "Ballerina",
            "TiDB",
            "FoundationDB",
            "Cassandra / DataStax Enterprise",
        ] {
            let card = board.card_by_title(title);
            assert!(
                card.is_some_and(|c| !c.summary.is_empty() && !c.links.is_empty() && !c.themes.is_empty()),
                "{title}"
            );
        }
        assert_eq!(board.card_by_title("Gloo").map(|c| c.images.len()), Some(1));
        assert_eq!(board.card_by_title("TiDB").map(|c| c.images.len()), Some(1));
        assert_eq!(board.themes.len(), 2);
    }
}
