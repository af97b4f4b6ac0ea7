//! The sample board in English.

use super::SampleTheme::{Database, Developer};
use super::{CardText, ColumnText, SampleText, ThemeText};

pub(super) const TEXT: SampleText = SampleText {
    title: "KubeCon + CloudNativeCon North America 2018 (Seattle)",
    captions: ["Gloo architecture", "TiDB architecture"],
    themes: [
        ThemeText {
            name: "Developer story",
            question: "Has the developer story on Kubernetes got better?",
        },
        ThemeText {
            name: "Database story",
            question: "Which databases have a good story on Kubernetes, and what storage do they need?",
        },
    ],
    columns: [
        ColumnText {
            name: "Gateways and languages",
            cards: &[
                CardText {
                    title: "Gloo",
                    summary: "solo.io's application gateway: Envoy underneath, routes to functions as well as services",
                    links: &[("Repository", "https://github.com/solo-io/gloo"), ("Site", "https://www.solo.io/")],
                    notes: "\
Gloo sits at the edge of the cluster and is built on **Envoy**.

- Discovers upstreams on its own: Kubernetes services, AWS Lambda functions, REST and gRPC endpoints.
- Routes to a *function*, not only to a service, so a monolith, microservices and serverless can sit behind one gateway.
- `glooctl` does the set-up; also offered as the ingress for Knative.

Developer story: the best demo of the day. One routing table across old and new code is what our team keeps asking for.",
                    themes: &[Developer],
                },
                CardText {
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
                    themes: &[Developer],
                },
            ],
        },
        ColumnText {
            name: "Databases",
            cards: &[
                CardText {
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
                    themes: &[Database],
                },
                CardText {
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
                    themes: &[Database],
                },
                CardText {
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
                    themes: &[Database],
                },
            ],
        },
        ColumnText {
            name: "Storage",
            cards: &[
                CardText {
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
                    themes: &[Database],
                },
            ],
        },
    ],
};
