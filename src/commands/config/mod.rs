//! `kop config ...`: the profiles of both files, the one in use, and every resolved
//! setting with its source. None of them reaches a cluster.

pub(crate) mod list;
pub(crate) mod show;
pub(crate) mod use_profile;
