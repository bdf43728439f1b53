//! What changed between two Avro schemas, field by field, and whether each change is safe
//! under a compatibility level. Pure.
//!
//! The rules are Avro's schema resolution, the ones registries apply: BACKWARD means the
//! new schema reads what the old one wrote (an added field needs a default, a removed enum
//! symbol breaks it, `int` → `long` is a promotion); FORWARD means the old schema reads what
//! the new one writes (a removed field needs the old default, an added enum symbol breaks
//! it); FULL means both. This is kop's own reading of the two schemas, shown beside the
//! registry's verdict (`kop schemas check`), which is the one that counts.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::Level;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    FieldAdded,
    FieldRemoved,
    FieldRenamed,
    TypeChanged,
    DefaultChanged,
    SymbolsAdded,
    SymbolsRemoved,
    Renamed,
    SizeChanged,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::FieldAdded => "field added",
            ChangeKind::FieldRemoved => "field removed",
            ChangeKind::FieldRenamed => "field renamed",
            ChangeKind::TypeChanged => "type changed",
            ChangeKind::DefaultChanged => "default changed",
            ChangeKind::SymbolsAdded => "symbols added",
            ChangeKind::SymbolsRemoved => "symbols removed",
            ChangeKind::Renamed => "type renamed",
            ChangeKind::SizeChanged => "size changed",
        }
    }
}

/// One change, with what it does to each direction of compatibility.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaChange {
    /// Where: `owner`, `address.city`, `tags[]` (array items), `attrs{}` (map values), or
    /// empty for the top-level type.
    pub path: String,
    pub kind: ChangeKind,
    /// What changed, e.g. `int → long`, `string, default "x"`, `D, E`.
    pub detail: String,
    /// Why new readers cannot read old data, if they cannot.
    pub breaks_backward: Option<String>,
    /// Why old readers cannot read new data, if they cannot.
    pub breaks_forward: Option<String>,
    /// Something worth knowing that compatibility does not catch.
    pub note: Option<String>,
}

/// A change under a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Safety {
    Safe,
    Unsafe(String),
}

impl SchemaChange {
    pub fn under(&self, level: Level) -> Safety {
        let why = [
            (level.checks_backward(), &self.breaks_backward),
            (level.checks_forward(), &self.breaks_forward),
        ]
        .into_iter()
        .filter_map(|(checked, why)| if checked { why.clone() } else { None })
        .collect::<Vec<String>>();
        if why.is_empty() {
            Safety::Safe
        } else {
            Safety::Unsafe(why.join("; "))
        }
    }
}

/// The changes from `old` to `new`, in schema order (fields of `new` first, then fields
/// only `old` has). Errors say which schema does not parse.
pub fn diff(old: &str, new: &str) -> Result<Vec<SchemaChange>, String> {
    let old = parse(old).map_err(|e| format!("the registry's schema: {e}"))?;
    let new = parse(new).map_err(|e| format!("the new schema: {e}"))?;
    let mut walk = Walk {
        old: &old,
        new: &new,
        seen: HashSet::new(),
        changes: Vec::new(),
    };
    walk.nodes(String::new(), old.root, new.root);
    Ok(walk.changes)
}

#[derive(Debug, Clone)]
enum Node {
    Primitive {
        name: &'static str,
        logical: Option<String>,
    },
    Record {
        fullname: String,
        aliases: Vec<String>,
        fields: Vec<Field>,
    },
    Enum {
        fullname: String,
        aliases: Vec<String>,
        symbols: Vec<String>,
        default: Option<String>,
    },
    Fixed {
        fullname: String,
        aliases: Vec<String>,
        size: u64,
    },
    Array(usize),
    Map(usize),
    Union(Vec<usize>),
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    aliases: Vec<String>,
    ty: usize,
    default: Option<Value>,
}

struct Avro {
    nodes: Vec<Node>,
    root: usize,
}

const PRIMITIVES: [&str; 8] = [
    "null", "boolean", "int", "long", "float", "double", "bytes", "string",
];

fn full_name(name: &str, namespace: Option<&str>) -> String {
    match namespace {
        _ if name.contains('.') => name.to_string(),
        Some(ns) if !ns.is_empty() => format!("{ns}.{name}"),
        _ => name.to_string(),
    }
}

fn short(fullname: &str) -> &str {
    fullname.rsplit('.').next().unwrap_or(fullname)
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

struct Parser {
    nodes: Vec<Node>,
    names: HashMap<String, usize>,
}

fn parse(text: &str) -> Result<Avro, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let mut parser = Parser {
        nodes: Vec::new(),
        names: HashMap::new(),
    };
    let root = parser.parse(&value, None)?;
    Ok(Avro {
        nodes: parser.nodes,
        root,
    })
}

impl Parser {
    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn parse(&mut self, value: &Value, namespace: Option<&str>) -> Result<usize, String> {
        match value {
            Value::String(name) => self.reference(name, namespace, None),
            Value::Array(branches) => {
                let ids = branches
                    .iter()
                    .map(|b| self.parse(b, namespace))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(self.push(Node::Union(ids)))
            }
            Value::Object(map) => {
                let ty = map
                    .get("type")
                    .ok_or_else(|| "a type without \"type\"".to_string())?;
                let Some(ty) = ty.as_str() else {
                    return self.parse(ty, namespace);
                };
                let ns = map.get("namespace").and_then(Value::as_str).or(namespace);
                let logical = map
                    .get("logicalType")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                match ty {
                    "record" | "error" | "enum" | "fixed" => self.named(ty, map, ns),
                    "array" => {
                        let items = map.get("items").ok_or("an array without \"items\"")?;
                        let items = self.parse(items, ns)?;
                        Ok(self.push(Node::Array(items)))
                    }
                    "map" => {
                        let values = map.get("values").ok_or("a map without \"values\"")?;
                        let values = self.parse(values, ns)?;
                        Ok(self.push(Node::Map(values)))
                    }
                    other => self.reference(other, ns, logical),
                }
            }
            other => Err(format!("{other} is not an Avro type")),
        }
    }

    fn named(
        &mut self,
        ty: &str,
        map: &serde_json::Map<String, Value>,
        ns: Option<&str>,
    ) -> Result<usize, String> {
        let name = map
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("a {ty} without \"name\""))?;
        let fullname = full_name(name, ns);
        let own_ns = fullname.rsplit_once('.').map(|(n, _)| n.to_string());
        let aliases: Vec<String> = strings(map.get("aliases"))
            .iter()
            .map(|a| full_name(a, own_ns.as_deref()))
            .collect();
        // Registered before its fields, so that a record may refer to itself.
        let id = self.push(Node::Array(0));
        if self.names.insert(fullname.clone(), id).is_some() {
            return Err(format!("`{fullname}` is defined twice"));
        }
        self.nodes[id] = match ty {
            "enum" => Node::Enum {
                fullname,
                aliases,
                symbols: strings(map.get("symbols")),
                default: map
                    .get("default")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            },
            "fixed" => Node::Fixed {
                fullname,
                aliases,
                size: map.get("size").and_then(Value::as_u64).unwrap_or(0),
            },
            _ => {
                let raw = map
                    .get("fields")
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("record `{fullname}` has no \"fields\""))?;
                let mut fields = Vec::with_capacity(raw.len());
                for f in raw {
                    let name = f
                        .get("name")
                        .and_then(Value::as_str)
                        .ok_or_else(|| format!("a field of `{fullname}` has no name"))?;
                    let ty = f
                        .get("type")
                        .ok_or_else(|| format!("field `{name}` has no type"))?;
                    fields.push(Field {
                        name: name.to_string(),
                        aliases: strings(f.get("aliases")),
                        ty: self.parse(ty, own_ns.as_deref())?,
                        default: f.get("default").cloned(),
                    });
                }
                Node::Record {
                    fullname,
                    aliases,
                    fields,
                }
            }
        };
        Ok(id)
    }

    fn reference(
        &mut self,
        name: &str,
        namespace: Option<&str>,
        logical: Option<String>,
    ) -> Result<usize, String> {
        if let Some(p) = PRIMITIVES.iter().find(|p| **p == name) {
            return Ok(self.push(Node::Primitive { name: p, logical }));
        }
        self.names
            .get(&full_name(name, namespace))
            .or_else(|| self.names.get(name))
            .copied()
            .ok_or_else(|| format!("unknown type `{name}`"))
    }
}

impl Avro {
    fn describe(&self, id: usize) -> String {
        match &self.nodes[id] {
            Node::Primitive {
                name,
                logical: Some(l),
            } => format!("{name} ({l})"),
            Node::Primitive { name, .. } => (*name).to_string(),
            Node::Record { fullname, .. } => format!("record {}", short(fullname)),
            Node::Enum { fullname, .. } => format!("enum {}", short(fullname)),
            Node::Fixed { fullname, size, .. } => format!("fixed {}({size})", short(fullname)),
            Node::Array(items) => format!("array<{}>", self.describe(*items)),
            Node::Map(values) => format!("map<{}>", self.describe(*values)),
            Node::Union(branches) => {
                let names: Vec<String> = branches.iter().map(|b| self.describe(*b)).collect();
                format!("[{}]", names.join(", "))
            }
        }
    }

    /// What a union branch is matched by: its type name, or a named type's short name.
    fn key(&self, id: usize) -> String {
        match &self.nodes[id] {
            Node::Primitive { name, .. } => (*name).to_string(),
            Node::Record { fullname, .. }
            | Node::Enum { fullname, .. }
            | Node::Fixed { fullname, .. } => short(fullname).to_string(),
            Node::Array(_) => "array".into(),
            Node::Map(_) => "map".into(),
            Node::Union(_) => "union".into(),
        }
    }

    fn names(&self, id: usize) -> Option<(&str, &[String])> {
        match &self.nodes[id] {
            Node::Record {
                fullname, aliases, ..
            }
            | Node::Enum {
                fullname, aliases, ..
            }
            | Node::Fixed {
                fullname, aliases, ..
            } => Some((fullname, aliases)),
            _ => None,
        }
    }
}

/// Whether `reader` reads what `writer` wrote, at this level only: the insides of named
/// types that match are judged by their own changes.
fn readable(reader: (&Avro, usize), writer: (&Avro, usize)) -> bool {
    let (ra, r) = reader;
    let (wa, w) = writer;
    match (&ra.nodes[r], &wa.nodes[w]) {
        (_, Node::Union(branches)) if !matches!(ra.nodes[r], Node::Union(_)) => {
            branches.iter().all(|b| readable(reader, (wa, *b)))
        }
        (Node::Union(rb), Node::Union(wb)) => wb
            .iter()
            .all(|b| rb.iter().any(|x| readable((ra, *x), (wa, *b)))),
        (Node::Union(rb), _) => rb.iter().any(|x| readable((ra, *x), writer)),
        (Node::Primitive { name: rn, .. }, Node::Primitive { name: wn, .. }) => {
            rn == wn
                || matches!(
                    (*rn, *wn),
                    ("long", "int")
                        | ("float", "int" | "long")
                        | ("double", "int" | "long" | "float")
                        | ("bytes", "string")
                        | ("string", "bytes")
                )
        }
        (Node::Array(ri), Node::Array(wi)) | (Node::Map(ri), Node::Map(wi)) => {
            readable((ra, *ri), (wa, *wi))
        }
        (Node::Record { .. }, Node::Record { .. })
        | (Node::Enum { .. }, Node::Enum { .. })
        | (Node::Fixed { .. }, Node::Fixed { .. }) => name_matches(reader, writer),
        _ => false,
    }
}

/// Avro's rule: the same name, or the reader lists the writer's full name as an alias.
fn name_matches(reader: (&Avro, usize), writer: (&Avro, usize)) -> bool {
    match (reader.0.names(reader.1), writer.0.names(writer.1)) {
        (Some((rn, aliases)), Some((wn, _))) => {
            short(rn) == short(wn) || aliases.iter().any(|a| a == wn)
        }
        _ => false,
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn shown(path: &str) -> String {
    if path.is_empty() {
        "the top-level type".to_string()
    } else {
        format!("`{path}`")
    }
}

struct Walk<'a> {
    old: &'a Avro,
    new: &'a Avro,
    /// Pairs of nodes already compared, so that recursive and repeated types are once.
    seen: HashSet<(usize, usize)>,
    changes: Vec<SchemaChange>,
}

impl Walk<'_> {
    fn push(
        &mut self,
        path: &str,
        kind: ChangeKind,
        detail: String,
        breaks_backward: Option<String>,
        breaks_forward: Option<String>,
    ) {
        self.changes.push(SchemaChange {
            path: path.to_string(),
            kind,
            detail,
            breaks_backward,
            breaks_forward,
            note: None,
        });
    }

    fn nodes(&mut self, path: String, o: usize, n: usize) {
        if !self.seen.insert((o, n)) {
            return;
        }
        let (old, new) = (self.old, self.new);
        match (&old.nodes[o], &new.nodes[n]) {
            (Node::Record { fields: of, .. }, Node::Record { fields: nf, .. }) => {
                self.renamed(&path, o, n);
                self.fields(&path, of, nf);
            }
            (
                Node::Enum {
                    symbols: os,
                    default: od,
                    ..
                },
                Node::Enum {
                    symbols: ns,
                    default: nd,
                    ..
                },
            ) => {
                self.renamed(&path, o, n);
                self.symbols(&path, (os, od), (ns, nd));
            }
            (Node::Fixed { size: os, .. }, Node::Fixed { size: ns, .. }) => {
                self.renamed(&path, o, n);
                if os != ns {
                    let why = format!("fixed sizes must match ({os} bytes then, {ns} now)");
                    self.push(
                        &path,
                        ChangeKind::SizeChanged,
                        format!("{os} → {ns}"),
                        Some(why.clone()),
                        Some(why),
                    );
                }
            }
            (Node::Array(oi), Node::Array(ni)) => self.nodes(format!("{path}[]"), *oi, *ni),
            (Node::Map(ov), Node::Map(nv)) => self.nodes(format!("{path}{{}}"), *ov, *nv),
            (
                Node::Primitive {
                    name: on,
                    logical: ol,
                },
                Node::Primitive {
                    name: nn,
                    logical: nl,
                },
            ) if on == nn && ol == nl => {}
            (Node::Union(ob), Node::Union(nb)) => {
                let okeys: Vec<String> = ob.iter().map(|b| old.key(*b)).collect();
                let nkeys: Vec<String> = nb.iter().map(|b| new.key(*b)).collect();
                if okeys != nkeys {
                    self.type_changed(&path, o, n);
                }
                for (i, key) in nkeys.iter().enumerate() {
                    if let Some(j) = okeys.iter().position(|k| k == key) {
                        self.nodes(path.clone(), ob[j], nb[i]);
                    }
                }
            }
            (_, Node::Union(nb)) => {
                self.type_changed(&path, o, n);
                let key = old.key(o);
                if let Some(b) = nb.iter().find(|b| new.key(**b) == key) {
                    self.nodes(path, o, *b);
                }
            }
            (Node::Union(ob), _) => {
                self.type_changed(&path, o, n);
                let key = new.key(n);
                if let Some(b) = ob.iter().find(|b| old.key(**b) == key) {
                    self.nodes(path, *b, n);
                }
            }
            _ => self.type_changed(&path, o, n),
        }
    }

    fn type_changed(&mut self, path: &str, o: usize, n: usize) {
        let (old, new) = (self.old, self.new);
        let (from, to) = (old.describe(o), new.describe(n));
        let backward = (!readable((new, n), (old, o)))
            .then(|| format!("new readers cannot read {} written as {from}", shown(path)));
        let forward = (!readable((old, o), (new, n)))
            .then(|| format!("old readers cannot read {} written as {to}", shown(path)));
        let note = match (&old.nodes[o], &new.nodes[n]) {
            (Node::Primitive { logical: ol, .. }, Node::Primitive { logical: nl, .. })
                if ol != nl && backward.is_none() && forward.is_none() =>
            {
                Some(
                    "registries accept it, but readers will take the values in another meaning"
                        .to_string(),
                )
            }
            _ => None,
        };
        self.push(
            path,
            ChangeKind::TypeChanged,
            format!("{from} → {to}"),
            backward,
            forward,
        );
        if let Some(last) = self.changes.last_mut() {
            last.note = note;
        }
    }

    fn renamed(&mut self, path: &str, o: usize, n: usize) {
        let (old, new) = (self.old, self.new);
        let (Some((on, _)), Some((nn, _))) = (old.names(o), new.names(n)) else {
            return;
        };
        if short(on) == short(nn) {
            return;
        }
        let backward = (!name_matches((new, n), (old, o))).then(|| {
            format!("new readers expect `{nn}`; old data was written as `{on}` (give `{nn}` the alias `{on}`)")
        });
        let forward = (!name_matches((old, o), (new, n)))
            .then(|| format!("old readers expect `{on}`; new data is written as `{nn}`"));
        self.push(
            path,
            ChangeKind::Renamed,
            format!("{on} → {nn}"),
            backward,
            forward,
        );
    }

    fn fields(&mut self, path: &str, old: &[Field], new: &[Field]) {
        let mut matched: Vec<usize> = Vec::new();
        for nf in new {
            let found = old
                .iter()
                .position(|of| of.name == nf.name)
                .or_else(|| {
                    old.iter().position(|of| {
                        nf.aliases.contains(&of.name) || of.aliases.contains(&nf.name)
                    })
                })
                .filter(|i| !matched.contains(i));
            let field_path = join(path, &nf.name);
            match found {
                Some(i) => {
                    matched.push(i);
                    let of = &old[i];
                    if of.name != nf.name {
                        self.field_renamed(&field_path, of, nf);
                    }
                    self.nodes(field_path.clone(), of.ty, nf.ty);
                    if of.default != nf.default {
                        self.push(
                            &field_path,
                            ChangeKind::DefaultChanged,
                            format!(
                                "{} → {}",
                                default_text(&of.default),
                                default_text(&nf.default)
                            ),
                            None,
                            None,
                        );
                    }
                }
                None => {
                    let ty = self.new.describe(nf.ty);
                    let detail = match &nf.default {
                        Some(d) => format!("{ty}, default {d}"),
                        None => format!("{ty}, no default"),
                    };
                    let backward = nf.default.is_none().then(|| {
                        format!(
                            "new readers find no `{field_path}` in old data and it has no default"
                        )
                    });
                    self.push(&field_path, ChangeKind::FieldAdded, detail, backward, None);
                }
            }
        }
        for (i, of) in old.iter().enumerate() {
            if matched.contains(&i) {
                continue;
            }
            let field_path = join(path, &of.name);
            let ty = self.old.describe(of.ty);
            let detail = match &of.default {
                Some(d) => format!("{ty}, had default {d}"),
                None => format!("{ty}, had no default"),
            };
            let forward = of.default.is_none().then(|| {
                format!("old readers need `{field_path}`, new data lacks it, and the old schema gives it no default")
            });
            self.push(&field_path, ChangeKind::FieldRemoved, detail, None, forward);
        }
    }

    fn field_renamed(&mut self, path: &str, of: &Field, nf: &Field) {
        let backward = (!nf.aliases.contains(&of.name)).then(|| {
            format!(
                "new readers look for `{}`; give it the alias `{}`",
                nf.name, of.name
            )
        });
        let forward = (!of.aliases.contains(&nf.name) && of.default.is_none()).then(|| {
            format!(
                "old readers look for `{}`, which new data calls `{}`, and it has no default",
                of.name, nf.name
            )
        });
        self.push(
            path,
            ChangeKind::FieldRenamed,
            format!("{} → {}", of.name, nf.name),
            backward,
            forward,
        );
    }

    fn symbols(
        &mut self,
        path: &str,
        old: (&[String], &Option<String>),
        new: (&[String], &Option<String>),
    ) {
        let (os, od) = old;
        let (ns, nd) = new;
        let added: Vec<&String> = ns.iter().filter(|s| !os.contains(s)).collect();
        let removed: Vec<&String> = os.iter().filter(|s| !ns.contains(s)).collect();
        let list = |s: &[&String]| s.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", ");
        if !added.is_empty() {
            let covered = od.as_ref().is_some_and(|d| os.contains(d));
            let forward = (!covered).then(|| {
                format!(
                    "new data may hold {}, which old readers do not know (the old enum has no default)",
                    list(&added)
                )
            });
            self.push(path, ChangeKind::SymbolsAdded, list(&added), None, forward);
        }
        if !removed.is_empty() {
            let covered = nd.as_ref().is_some_and(|d| ns.contains(d));
            let backward = (!covered).then(|| {
                format!(
                    "old data may hold {}, which new readers do not know (the new enum has no default)",
                    list(&removed)
                )
            });
            self.push(
                path,
                ChangeKind::SymbolsRemoved,
                list(&removed),
                backward,
                None,
            );
        }
        if od != nd {
            let text = |d: &Option<String>| d.clone().unwrap_or_else(|| "(none)".into());
            self.push(
                path,
                ChangeKind::DefaultChanged,
                format!("enum default {} → {}", text(od), text(nd)),
                None,
                None,
            );
        }
    }
}

fn default_text(default: &Option<Value>) -> String {
    match default {
        Some(v) => v.to_string(),
        None => "(none)".to_string(),
    }
}

#[cfg(test)]
mod tests;
