//! What each key means, from the JSON schemas under `schema/`: the descriptions there are
//! the documentation editors with a schema plugin already show, so hover says the same.

use serde_json::Value;

use super::diagnostics::Role;

const PLAN: &str = include_str!("../../schema/plan.schema.json");
const CONFIG: &str = include_str!("../../schema/config.schema.json");
const LADDER: &str = include_str!("../../schema/ladder.schema.json");

/// The schema of a kind of file.
pub fn schema(role: Role) -> Value {
    let text = match role {
        Role::Plan => PLAN,
        Role::Config => CONFIG,
        Role::Ladder => LADDER,
    };
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The schema of the mapping found under `parents` (each a key, list items looked through).
pub fn object<'s>(root: &'s Value, parents: &[String]) -> Option<&'s Value> {
    let mut at = resolve(root, root)?;
    for key in parents {
        at = resolve(root, at.get("properties")?.get(key)?)?;
    }
    Some(at)
}

/// The keys a mapping may have, with what each means, alphabetically.
pub fn keys(object: &Value) -> Vec<(&str, &Value)> {
    object
        .get("properties")
        .and_then(Value::as_object)
        .map(|props| props.iter().map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

/// What a key of a mapping means.
pub fn meaning<'s>(object: &'s Value, key: &str) -> Option<&'s str> {
    object
        .get("properties")?
        .get(key)?
        .get("description")?
        .as_str()
}

/// The values a key allows, when the schema lists them.
pub fn choices<'s>(object: &'s Value, key: &str) -> Vec<&'s str> {
    let Some(prop) = object.get("properties").and_then(|p| p.get(key)) else {
        return Vec::new();
    };
    prop.get("enum")
        .and_then(Value::as_array)
        .map(|values| values.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Follows `$ref`, `allOf`, `oneOf`/`anyOf` and `items` to the schema that has the
/// mapping's properties.
fn resolve<'s>(root: &'s Value, at: &'s Value) -> Option<&'s Value> {
    if at.get("properties").is_some() {
        return Some(at);
    }
    if let Some(reference) = at.get("$ref").and_then(Value::as_str) {
        let path = reference.strip_prefix("#/")?;
        let target = path.split('/').try_fold(root, |v, part| v.get(part))?;
        return resolve(root, target);
    }
    for list in ["allOf", "oneOf", "anyOf"] {
        if let Some(options) = at.get(list).and_then(Value::as_array) {
            if let Some(found) = options.iter().find_map(|o| resolve(root, o)) {
                return Some(found);
            }
        }
    }
    resolve(root, at.get("items")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_through_lists_and_references() {
        let plan = schema(Role::Plan);
        let goal = object(&plan, &["goals".into()]).unwrap();
        assert!(meaning(goal, "status")
            .unwrap()
            .starts_with("Where the goal stands."));
        assert_eq!(
            choices(goal, "status"),
            ["planned", "active", "done", "dropped", "blocked"]
        );
        let action = object(&plan, &["goals".into(), "actions".into()]).unwrap();
        assert!(meaning(action, "due")
            .unwrap()
            .contains("the action should be done by"));
        let period = object(&plan, &["period".into()]).unwrap();
        assert_eq!(keys(period).len(), 2);
        let config = schema(Role::Config);
        let options = object(&config, &["options".into()]).unwrap();
        assert!(meaning(options, "stale_days").is_some());
        let ladder = schema(Role::Ladder);
        assert!(meaning(object(&ladder, &["levels".into()]).unwrap(), "id").is_some());
    }
}
