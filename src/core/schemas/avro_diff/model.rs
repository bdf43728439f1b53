//! Avro schemas as the diff walks them: an arena of types (named types once each, so that
//! recursive and repeated types compare once), parsed from the schema's JSON with defaults,
//! aliases and logical types kept, and Avro's reader/writer rule for one level of a type.

use std::collections::HashMap;

use serde_json::Value;

#[derive(Debug, Clone)]
pub(super) enum Node {
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
pub(super) struct Field {
    pub name: String,
    pub aliases: Vec<String>,
    pub ty: usize,
    pub default: Option<Value>,
}

pub(super) struct Avro {
    pub nodes: Vec<Node>,
    pub root: usize,
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

pub(super) fn short(fullname: &str) -> &str {
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

pub(super) fn parse(text: &str) -> Result<Avro, String> {
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
    pub fn describe(&self, id: usize) -> String {
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
    pub fn key(&self, id: usize) -> String {
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

    pub fn names(&self, id: usize) -> Option<(&str, &[String])> {
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
pub(super) fn readable(reader: (&Avro, usize), writer: (&Avro, usize)) -> bool {
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
pub(super) fn name_matches(reader: (&Avro, usize), writer: (&Avro, usize)) -> bool {
    match (reader.0.names(reader.1), writer.0.names(writer.1)) {
        (Some((rn, aliases)), Some((wn, _))) => {
            short(rn) == short(wn) || aliases.iter().any(|a| a == wn)
        }
        _ => false,
    }
}
