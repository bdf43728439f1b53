//! `kop schemas ...`

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{GlobalArgs, SubjectStrategy, TableOrJson, YesArg};

#[derive(Debug, Subcommand)]
pub enum SchemasCommand {
    /// Subjects with their latest version, id, type, compatibility level and topic
    List(SchemasListArgs),
    /// One version of a subject: the schema pretty-printed, its id, version, type and
    /// references; --versions lists every version
    #[command(disable_version_flag = true)]
    Show(SchemasShowArgs),
    /// Ask the registry whether schema files are compatible with their subjects; exit 3
    /// when one is not
    ///
    /// With FILE and --subject, that file; without arguments, every key_schema and
    /// value_schema topics.toml declares, against its <topic>-key / <topic>-value subject.
    /// The registry judges by the subject's level: against the latest version, or every
    /// version under a transitive level. Its reasons are printed when it gives them.
    /// Exit 0 when every schema is compatible, already registered or the first of a new
    /// subject; 3 when one is incompatible or invalid. This is the CI gate.
    Check(SchemasCheckArgs),
    /// What changed against a version of the subject, field by field (Avro), and whether
    /// each change is safe under the subject's compatibility level; exit 3 when one is not
    #[command(disable_version_flag = true)]
    Diff(SchemasDiffArgs),
    /// Register a schema file under a subject (a schema it already has keeps its version)
    Register(SchemasRegisterArgs),
    /// Show or set the compatibility level of a subject, or the registry's global one
    Compatibility(SchemasCompatibilityArgs),
    /// Delete a subject, or one version of it: soft first, then --permanent
    ///
    /// A soft delete hides the versions (readers that look schemas up by id still find
    /// them); --permanent then removes them for good, as the registry requires. Always asks
    /// first; without a terminal it needs --yes.
    #[command(disable_version_flag = true)]
    Delete(SchemasDeleteArgs),
}

/// A schema type, for files whose type kop cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaTypeArg {
    /// Apache Avro (.avsc)
    Avro,
    /// JSON Schema
    Json,
    /// Protocol Buffers (.proto)
    Protobuf,
}

/// A compatibility level, as the registry names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// No check
    #[value(name = "NONE")]
    None,
    /// New schemas read data written with the latest one
    #[value(name = "BACKWARD")]
    Backward,
    /// New schemas read data written with every earlier one
    #[value(name = "BACKWARD_TRANSITIVE")]
    BackwardTransitive,
    /// The latest schema reads data written with new ones
    #[value(name = "FORWARD")]
    Forward,
    /// Every earlier schema reads data written with new ones
    #[value(name = "FORWARD_TRANSITIVE")]
    ForwardTransitive,
    /// Backward and forward, with the latest schema
    #[value(name = "FULL")]
    Full,
    /// Backward and forward, with every earlier schema
    #[value(name = "FULL_TRANSITIVE")]
    FullTransitive,
}

/// A schema file and how to send it.
#[derive(Debug, Args)]
pub struct SchemaFileArgs {
    /// The schema's type [default: from the extension (.avsc, .proto), else the
    /// subject's, else from the text]
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<SchemaTypeArg>,

    /// A schema the file imports, as NAME=SUBJECT[:VERSION] (repeatable; VERSION defaults
    /// to the subject's latest)
    #[arg(long = "reference", value_name = "NAME=SUBJECT[:VERSION]")]
    pub references: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SchemasListArgs {
    /// Only subjects whose name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,

    /// Include soft-deleted subjects
    #[arg(long)]
    pub deleted: bool,

    /// How subjects are named after topics, for the TOPIC column
    #[arg(long, value_enum, default_value_t = SubjectStrategy::Topic)]
    pub subject_strategy: SubjectStrategy,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasShowArgs {
    /// The subject, e.g. task.created-value
    pub subject: String,

    /// Which version: a number, or latest
    #[arg(
        long,
        value_name = "N|latest",
        default_value = "latest",
        conflicts_with = "versions"
    )]
    pub version: String,

    /// List the subject's versions (id and type of each) instead of showing one
    #[arg(long)]
    pub versions: bool,

    /// Also find soft-deleted versions
    #[arg(long)]
    pub deleted: bool,

    /// Output format (json: the registry's record)
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasCheckArgs {
    /// The schema file to check (default: every schema topics.toml declares)
    #[arg(requires = "subject")]
    pub file: Option<PathBuf>,

    /// The subject to check FILE against
    #[arg(long, requires = "file")]
    pub subject: Option<String>,

    #[command(flatten)]
    pub schema: SchemaFileArgs,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasDiffArgs {
    /// The new schema (Avro)
    pub file: PathBuf,

    /// The subject to compare with
    #[arg(long)]
    pub subject: String,

    /// Which version to compare with: a number, or latest
    #[arg(long, value_name = "N|latest", default_value = "latest")]
    pub version: String,

    /// Judge the changes under this level instead of the subject's
    #[arg(long, value_enum, value_name = "LEVEL", ignore_case = true)]
    pub level: Option<LevelArg>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasRegisterArgs {
    /// The schema file to register
    pub file: PathBuf,

    /// The subject to register it under
    #[arg(long)]
    pub subject: String,

    #[command(flatten)]
    pub schema: SchemaFileArgs,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasCompatibilityArgs {
    /// The subject (default: the registry's global level)
    pub subject: Option<String>,

    /// Set the level
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        ignore_case = true,
        conflicts_with = "unset"
    )]
    pub set: Option<LevelArg>,

    /// Remove the subject's own level, so that the global one applies
    #[arg(long, requires = "subject")]
    pub unset: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct SchemasDeleteArgs {
    /// The subject to delete
    pub subject: String,

    /// Only this version (a number, or latest)
    #[arg(long, value_name = "N|latest")]
    pub version: Option<String>,

    /// Delete for good what an earlier (soft) delete hid; ids stop resolving
    #[arg(long)]
    pub permanent: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}
