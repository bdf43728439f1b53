//! One view per command result: a table for people, a documented JSON shape for programs.
//! Views render data the pure core defines; each JSON shape is a typed struct.

pub(crate) mod config;
pub(crate) mod copy;
pub(crate) mod dlq;
pub(crate) mod group_delete;
pub(crate) mod group_reset;
pub(crate) mod groups;
pub(crate) mod health;
pub(crate) mod lag;
pub(crate) mod plan;
pub(crate) mod publish;
pub(crate) mod schemas;
pub(crate) mod tail;
pub(crate) mod topic_describe;
pub(crate) mod topics_export;
pub(crate) mod topics_list;
