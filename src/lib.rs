pub mod config;
pub mod context;
pub mod env;
pub mod error;
pub mod secret;
