//! The Fluent interface texts: every `.ftl` file parses, every message of
//! the German file exists in all twelve languages, and each translation
//! uses exactly the German message's variables.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use lotse::lang::Lang;

use crate::util::root;

/// Message id → the variables it uses, for one language's files.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(lang: Lang) -> Messages {
    let dir = root().join("locales").join(lang.code());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
    let mut out = Messages::new();
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{}: parse errors: {errors:?}", file.display()),
        };
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern_vars(value, &mut vars);
                    }
                    for attribute in &message.attributes {
                        pattern_vars(&attribute.value, &mut vars);
                    }
                    let id = message.id.name.to_string();
                    assert!(out.insert(id.clone(), vars).is_none(), "{}: {id} twice", file.display());
                }
                Entry::Junk { content } => panic!("{}: junk: {content}", file.display()),
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
            for argument in &arguments.named {
                inline_vars(&argument.value, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let german = messages(Lang::De);
    assert!(german.len() > 30, "the German interface is incomplete");
    let mut problems = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::De) {
        let other = messages(lang);
        for (id, vars) in &german {
            match other.get(id) {
                None => problems.push(format!("{lang}: message {id} is missing")),
                Some(v) if v != vars => problems.push(format!("{lang}: {id} uses {v:?}, German uses {vars:?}")),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !german.contains_key(*id)) {
            problems.push(format!("{lang}: message {id} is not in the German file"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_bidi_controls_in_interface_texts() {
    for lang in Lang::ALL {
        let dir = root().join("locales").join(lang.code());
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            let bad = text
                .chars()
                .find(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
            assert!(bad.is_none(), "{}: direction control {bad:?}", path.display());
        }
    }
}
