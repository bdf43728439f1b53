//! Avro schema resolution for the registry double, ported from the checker Karapace uses
//! (Apache Avro's Python `avro.compatibility.ReaderWriterCompatibilityChecker`), with its
//! messages word for word: a reader field without a default that the writer lacks is
//! reported by its name (`"z"`), a type change as `"reader type: string not compatible with
//! writer type: int"`, missing enum symbols as a Python set (`"{'C'}"`), a renamed record as
//! `"expected: n.T"`. Recorded from Karapace 6.2.0; see tests/e2e/schemas.rs.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

/// One parsed type; named types are nodes of the arena, referenced by index.
#[derive(Debug, Clone)]
enum Node {
    Primitive(&'static str),
    Record {
        name: String,
        fullname: String,
        aliases: Vec<String>,
        fields: Vec<Field>,
    },
    Enum {
        name: String,
        fullname: String,
        aliases: Vec<String>,
        symbols: Vec<String>,
        default: Option<String>,
    },
    Fixed {
        name: String,
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
    has_default: bool,
}

/// A parsed schema: the arena and its root.
#[derive(Debug, Clone)]
pub struct Schema {
    nodes: Vec<Node>,
    root: usize,
}

const PRIMITIVES: [&str; 8] = [
    "null", "boolean", "int", "long", "float", "double", "bytes", "string",
];

struct Parser {
    nodes: Vec<Node>,
    names: HashMap<String, usize>,
}

fn full_name(name: &str, namespace: Option<&str>) -> String {
    match namespace {
        _ if name.contains('.') => name.to_string(),
        Some(ns) if !ns.is_empty() => format!("{ns}.{name}"),
        _ => name.to_string(),
    }
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

impl Parser {
    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn parse(&mut self, value: &Value, namespace: Option<&str>) -> Result<usize, String> {
        match value {
            Value::String(name) => self.named(name, namespace),
            Value::Array(branches) => {
                let mut ids = Vec::new();
                for b in branches {
                    ids.push(self.parse(b, namespace)?);
                }
                Ok(self.push(Node::Union(ids)))
            }
            Value::Object(map) => {
                let ty = map
                    .get("type")
                    .ok_or_else(|| format!("No \"type\" property: {value}"))?;
                let Some(ty) = ty.as_str() else {
                    // {"type": {...}} or {"type": [...]}: the inner schema.
                    return self.parse(ty, namespace);
                };
                let ns = map.get("namespace").and_then(Value::as_str).or(namespace);
                match ty {
                    "record" | "error" | "enum" | "fixed" => {
                        let name = map
                            .get("name")
                            .and_then(Value::as_str)
                            .ok_or_else(|| format!("No \"name\" property: {value}"))?;
                        let fullname = full_name(name, ns);
                        let simple = name.rsplit('.').next().unwrap_or(name).to_string();
                        let own_ns = fullname.rsplit_once('.').map(|(n, _)| n.to_string());
                        let aliases: Vec<String> = strings(map.get("aliases"))
                            .iter()
                            .map(|a| full_name(a, own_ns.as_deref()))
                            .collect();
                        let id = self.push(Node::Primitive("null"));
                        if self.names.insert(fullname.clone(), id).is_some() {
                            return Err(format!("Duplicate name: {fullname}"));
                        }
                        self.nodes[id] = match ty {
                            "enum" => Node::Enum {
                                name: simple,
                                fullname,
                                aliases,
                                symbols: strings(map.get("symbols")),
                                default: map
                                    .get("default")
                                    .and_then(Value::as_str)
                                    .map(str::to_string),
                            },
                            "fixed" => Node::Fixed {
                                name: simple,
                                fullname,
                                aliases,
                                size: map.get("size").and_then(Value::as_u64).unwrap_or(0),
                            },
                            _ => {
                                let mut fields = Vec::new();
                                let raw = map
                                    .get("fields")
                                    .and_then(Value::as_array)
                                    .ok_or_else(|| "Record has no fields".to_string())?;
                                for f in raw {
                                    let name = f
                                        .get("name")
                                        .and_then(Value::as_str)
                                        .ok_or_else(|| format!("Field has no name: {f}"))?;
                                    let ftype = f
                                        .get("type")
                                        .ok_or_else(|| format!("Field has no type: {f}"))?;
                                    fields.push(Field {
                                        name: name.to_string(),
                                        aliases: strings(f.get("aliases")),
                                        ty: self.parse(ftype, own_ns.as_deref())?,
                                        has_default: f.get("default").is_some(),
                                    });
                                }
                                Node::Record {
                                    name: simple,
                                    fullname,
                                    aliases,
                                    fields,
                                }
                            }
                        };
                        Ok(id)
                    }
                    "array" => {
                        let items = map.get("items").ok_or("Array has no items")?;
                        let items = self.parse(items, ns)?;
                        Ok(self.push(Node::Array(items)))
                    }
                    "map" => {
                        let values = map.get("values").ok_or("Map has no values")?;
                        let values = self.parse(values, ns)?;
                        Ok(self.push(Node::Map(values)))
                    }
                    other => self.named(other, ns),
                }
            }
            other => Err(format!("Could not make an Avro Schema object from {other}")),
        }
    }

    fn named(&mut self, name: &str, namespace: Option<&str>) -> Result<usize, String> {
        if let Some(p) = PRIMITIVES.iter().find(|p| **p == name) {
            return Ok(self.push(Node::Primitive(p)));
        }
        let found = self
            .names
            .get(&full_name(name, namespace))
            .or_else(|| self.names.get(name));
        found
            .copied()
            .ok_or_else(|| format!("Undefined type: {name}"))
    }
}

/// Parses Avro schema text; the error is what the double says in its 42201 answer.
pub fn parse(text: &str) -> Result<Schema, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut parser = Parser {
        nodes: Vec::new(),
        names: HashMap::new(),
    };
    let root = parser.parse(&value, None)?;
    Ok(Schema {
        nodes: parser.nodes,
        root,
    })
}

/// Why `reader` cannot read what `writer` wrote; empty when it can.
pub fn incompatibilities(reader: &Schema, writer: &Schema) -> Vec<String> {
    let mut checker = Checker {
        reader,
        writer,
        in_progress: HashSet::new(),
        messages: Vec::new(),
    };
    checker.check(reader.root, writer.root);
    checker.messages
}

struct Checker<'a> {
    reader: &'a Schema,
    writer: &'a Schema,
    /// Pairs being checked further up: recursive types are compatible with themselves.
    in_progress: HashSet<(usize, usize)>,
    messages: Vec<String>,
}

fn type_name(node: &Node) -> &'static str {
    match node {
        Node::Primitive(p) => p,
        Node::Record { .. } => "record",
        Node::Enum { .. } => "enum",
        Node::Fixed { .. } => "fixed",
        Node::Array(_) => "array",
        Node::Map(_) => "map",
        Node::Union(_) => "union",
    }
}

fn names(node: &Node) -> Option<(&str, &str, &[String])> {
    match node {
        Node::Record {
            name,
            fullname,
            aliases,
            ..
        }
        | Node::Enum {
            name,
            fullname,
            aliases,
            ..
        }
        | Node::Fixed {
            name,
            fullname,
            aliases,
            ..
        } => Some((name, fullname, aliases)),
        _ => None,
    }
}

impl Checker<'_> {
    fn fail(&mut self, message: String) {
        if !self.messages.contains(&message) {
            self.messages.push(message);
        }
    }

    /// Whether the pair is compatible, without recording anything (for union branches).
    fn compatible(&mut self, r: usize, w: usize) -> bool {
        let before = std::mem::take(&mut self.messages);
        self.check(r, w);
        let ok = self.messages.is_empty();
        self.messages = before;
        ok
    }

    fn check(&mut self, r: usize, w: usize) {
        if !self.in_progress.insert((r, w)) {
            return;
        }
        self.calculate(r, w);
        self.in_progress.remove(&(r, w));
    }

    fn calculate(&mut self, r: usize, w: usize) {
        let reader = &self.reader.nodes[r];
        let writer = &self.writer.nodes[w];
        let (rt, wt) = (type_name(reader), type_name(writer));
        if rt == wt {
            match (reader, writer) {
                (Node::Array(ri), Node::Array(wi)) | (Node::Map(ri), Node::Map(wi)) => {
                    let (ri, wi) = (*ri, *wi);
                    self.check(ri, wi);
                }
                (Node::Fixed { size: rs, .. }, Node::Fixed { size: ws, .. }) => {
                    let (rs, ws) = (*rs, *ws);
                    self.check_names(r, w);
                    if rs != ws {
                        self.fail(format!("expected: {ws}, found: {rs}"));
                    }
                }
                (
                    Node::Enum {
                        symbols: rs,
                        default,
                        ..
                    },
                    Node::Enum { symbols: ws, .. },
                ) => {
                    let extra: Vec<String> =
                        ws.iter().filter(|s| !rs.contains(s)).cloned().collect();
                    let covered = default.as_ref().is_some_and(|d| rs.contains(d));
                    self.check_names(r, w);
                    if !extra.is_empty() && !covered {
                        let set: Vec<String> = extra.iter().map(|s| format!("'{s}'")).collect();
                        self.fail(format!("{{{}}}", set.join(", ")));
                    }
                }
                (Node::Record { fields: rf, .. }, Node::Record { fields: wf, .. }) => {
                    let (rf, wf) = (rf.clone(), wf.clone());
                    self.check_names(r, w);
                    for field in &rf {
                        let found = wf.iter().find(|f| f.name == field.name).or_else(|| {
                            field
                                .aliases
                                .iter()
                                .find_map(|a| wf.iter().find(|f| &f.name == a))
                        });
                        match found {
                            Some(writer_field) => self.check(field.ty, writer_field.ty),
                            None if !field.has_default => self.fail(field.name.clone()),
                            None => {}
                        }
                    }
                }
                (Node::Union(_), Node::Union(wb)) => {
                    for branch in wb.clone() {
                        if !self.compatible(r, branch) {
                            let name = type_name(&self.writer.nodes[branch]).to_uppercase();
                            self.fail(format!("reader union lacking writer type: {name}"));
                        }
                    }
                }
                _ => {}
            }
            return;
        }
        if let Node::Union(branches) = writer {
            for branch in branches.clone() {
                self.check(r, branch);
            }
            return;
        }
        let promotable = match rt {
            "long" => wt == "int",
            "float" => matches!(wt, "int" | "long"),
            "double" => matches!(wt, "int" | "long" | "float"),
            "bytes" => wt == "string",
            "string" => wt == "bytes",
            _ => false,
        };
        if promotable {
            return;
        }
        if let Node::Union(branches) = reader {
            let branches = branches.clone();
            if !branches.into_iter().any(|b| self.compatible(b, w)) {
                self.fail(format!("reader union lacking writer type {wt}"));
            }
            return;
        }
        self.fail(format!(
            "reader type: {rt} not compatible with writer type: {wt}"
        ));
    }

    fn check_names(&mut self, r: usize, w: usize) {
        let (Some((rn, _, aliases)), Some((wn, wfull, _))) =
            (names(&self.reader.nodes[r]), names(&self.writer.nodes[w]))
        else {
            return;
        };
        if rn != wn && !aliases.iter().any(|a| a == wfull) {
            let message = format!("expected: {wfull}");
            self.fail(message);
        }
    }
}

/// Karapace's compact, key-sorted spelling of a JSON schema (how it stores Avro and JSON
/// Schema: `{"fields":[...],"name":"T","type":"record"}`).
pub fn normalise(text: &str) -> Option<String> {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                Value::Object(
                    keys.into_iter()
                        .map(|k| (k.clone(), sorted(&map[k])))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    let value: Value = serde_json::from_str(text).ok()?;
    Some(sorted(&value).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"{"type":"record","name":"T","namespace":"n","fields":[
        {"name":"a","type":"string"},{"name":"n","type":"int"},
        {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B","C"]}}]}"#;

    fn check(reader: &str, writer: &str) -> Vec<String> {
        incompatibilities(&parse(reader).unwrap(), &parse(writer).unwrap())
    }

    #[test]
    fn messages_match_karapace() {
        let added = BASE.replace(
            r#"{"name":"a","type":"string"}"#,
            r#"{"name":"a","type":"string"},{"name":"z","type":"string"}"#,
        );
        assert_eq!(check(&added, BASE), ["z"]);
        assert!(check(BASE, &added).is_empty());
        let long = BASE.replace(r#""type":"int""#, r#""type":"long""#);
        assert!(check(&long, BASE).is_empty());
        assert_eq!(
            check(BASE, &long),
            ["reader type: int not compatible with writer type: long"]
        );
        let fewer = BASE.replace(r#","C""#, "");
        assert_eq!(check(&fewer, BASE), ["{'C'}"]);
        let renamed = BASE.replace(r#""name":"T""#, r#""name":"U""#);
        assert_eq!(check(&renamed, BASE), ["expected: n.T"]);
    }
}
