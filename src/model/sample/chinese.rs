//! The sample board in Simplified Chinese: the same conference and projects, written anew.

use super::SampleTheme::{Database, Developer};
use super::{CardText, ColumnText, SampleText, ThemeText};

pub(super) const TEXT: SampleText = SampleText {
    title: "KubeCon + CloudNativeCon 北美 2018（西雅图）",
    captions: ["Gloo 架构图", "TiDB 架构图"],
    themes: [
        ThemeText {
            name: "开发者体验",
            question: "Kubernetes 上的开发者体验变好了吗？",
        },
        ThemeText {
            name: "数据库方案",
            question: "哪些数据库在 Kubernetes 上有成熟的方案，它们需要什么样的存储？",
        },
    ],
    columns: [
        ColumnText {
            name: "网关与语言",
            cards: &[
                CardText {
                    title: "Gloo",
                    summary: "solo.io 的应用网关：底层是 Envoy，既能路由到服务，也能路由到函数",
                    links: &[
                        ("代码仓库", "https://github.com/solo-io/gloo"),
                        ("官网", "https://www.solo.io/"),
                    ],
                    notes: "\
Gloo 位于集群的边缘，构建在 **Envoy** 之上。

- 自动发现上游：Kubernetes 服务、AWS Lambda 函数、REST 和 gRPC 端点。
- 能路由到*函数*，而不只是服务，所以单体应用、微服务和无服务器函数可以放在同一个网关后面。
- 用 `glooctl` 完成配置；也可以用作 Knative 的入口网关。

开发者体验：当天最好的演示。一张路由表同时管住新旧代码，正是我们团队一直想要的。",
                    themes: &[Developer],
                },
                CardText {
                    title: "Ballerina",
                    summary: "一门面向网络服务的编程语言，时序图是它的一等视图",
                    links: &[
                        ("代码仓库", "https://github.com/ballerina-platform/ballerina-lang"),
                        ("官网", "https://ballerina.io/"),
                    ],
                    notes: "\
一门专为集成代码设计的语言：服务、端点和网络调用都是语法的一部分。

- 每个函数都能显示成由代码生成的时序图。
- 在服务上加注解，构建时就生成 Docker 镜像和 Kubernetes YAML，不必手写部署文件。
- 背后是 WSO2。

留到以后的问题：演示之外，日常用起来怎么样——调试、库、招人？",
                    themes: &[Developer],
                },
            ],
        },
        ColumnText {
            name: "数据库",
            cards: &[
                CardText {
                    title: "TiDB",
                    summary: "PingCAP 的分布式 SQL 数据库，兼容 MySQL：由 TiDB、TiKV、PD 和 TiSpark 组成",
                    links: &[
                        ("代码仓库", "https://github.com/pingcap/tidb"),
                        ("TiKV", "https://github.com/tikv/tikv"),
                        ("Operator", "https://github.com/pingcap/tidb-operator"),
                        ("官网", "https://pingcap.com/"),
                    ],
                    notes: "\
四个部分，各自独立扩展：

1. **TiDB** 服务器：无状态，使用 MySQL 协议，负责规划和执行 SQL。
2. **TiKV**：底层的分布式事务键值存储，用 Raft 复制，用 Rust 编写（今年成为 CNCF 项目）。
3. **PD**（Placement Driver）：保存集群元数据，为事务分配时间戳，调度 Region。
4. **TiSpark**：让 Spark 直接读取 TiKV，服务分析类查询。

在 Kubernetes 上：TiDB Operator 管理整个集群。TiKV 需要快速的本地磁盘，所以演讲里用的是本地持久卷，而不是网络存储。",
                    themes: &[Database],
                },
                CardText {
                    title: "FoundationDB",
                    summary: "Apple 的有序事务键值存储，2018 年 4 月开源",
                    links: &[
                        ("代码仓库", "https://github.com/apple/foundationdb"),
                        ("官网", "https://www.foundationdb.org/"),
                    ],
                    notes: "\
核心很小——有序的键、跨整个集群的 ACID 事务——在上面叠加的*层*提供文档、记录或 SQL。

- 以对整个集群做确定性模拟测试而闻名。
- 还没有可以展示的 Kubernetes Operator；明年再来问。",
                    themes: &[Database],
                },
                CardText {
                    title: "Cassandra / DataStax Enterprise",
                    summary: "宽列数据库，以及 DataStax 带搜索和分析功能的发行版",
                    links: &[
                        ("Apache Cassandra", "https://cassandra.apache.org/"),
                        ("DataStax", "https://www.datastax.com/"),
                    ],
                    notes: "\
在 Kubernetes 上以 StatefulSet 运行，每个节点一个持久卷。

- Pod 迁移时，种子节点和机架感知要格外小心。
- 修复和备份仍然要运维自己来做；有几个 Operator 正在开发中。",
                    themes: &[Database],
                },
            ],
        },
        ColumnText {
            name: "存储",
            cards: &[CardText {
                title: "Rook",
                summary: "Kubernetes 的存储编排：在集群内部运行 Ceph 等存储系统",
                links: &[
                    ("代码仓库", "https://github.com/rook/rook"),
                    ("官网", "https://rook.io/"),
                ],
                notes: "\
回答了数据库问题的后半部分：没有云盘的时候，卷从哪里来。

- 由 Operator 管理的 Ceph 块存储、文件存储和对象存储。
- CNCF 孵化项目。",
                themes: &[Database],
            }],
        },
    ],
};
