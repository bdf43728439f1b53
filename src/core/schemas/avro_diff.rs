//! What changed between two Avro schemas, field by field, and whether each change is safe
//! under a compatibility level. Pure.
//!
//! The rules are Avro's schema resolution, the ones registries apply: BACKWARD means the
//! new schema reads what the old one wrote (an added field needs a default, a removed enum
//! symbol breaks it, `int` → `long` is a promotion); FORWARD means the old schema reads what
//! the new one writes (a removed field needs the old default, an added enum symbol breaks
//! it); FULL means both. This is kop's own reading of the two schemas, shown beside the
//! registry's verdict (`kop schemas check`), which is the one that counts.

use std::collections::HashSet;

use serde_json::Value;

use super::Level;
use model::{name_matches, parse, readable, short, Avro, Field, Node};

mod model;

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
