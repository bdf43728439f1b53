//! One view per command result: a table for people, a documented JSON shape for programs.

pub mod dlq;
pub mod health;
pub mod lag;
pub mod plan;
pub mod publish;
pub mod table;
pub mod tail;
pub mod topics_list;
