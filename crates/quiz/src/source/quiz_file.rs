//! `quiz.toml`: sections, questions and their choices, rules, patterns, things to tell,
//! expectations, the results' texts.

use toml::de::{DeTable, DeValue};

use super::reader::{leak, Reader};
use crate::model::{
    Checks, Choice, ChoiceId, Condition, Expectation, Kind, Line, Question, QuestionId, Quiz,
    Remark, Rule, Section, Tier, TierText, Words,
};
use crate::validate::Item;

impl<'a> Reader<'a> {
    pub(super) fn quiz(&mut self) -> Option<Quiz> {
        let root = self.parse()?;
        self.known_keys(
            &root,
            &[
                "words", "section", "question", "rule", "pattern", "tell", "expect", "result",
            ],
            "the quiz",
        );
        let whole = 0..0;
        let words = match Self::get(&root, "words") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    self.known_keys(t, &["yes", "no"], "[words]");
                    let span = v.span();
                    let yes = self.text(t, "yes", "[words]", &span);
                    let no = self.text(t, "no", "[words]", &span);
                    yes.zip(no).map(|(yes, no)| Words { yes, no })
                }
                _ => None,
            },
            None => {
                self.error(&whole, "the quiz", "missing [words] (yes and no)");
                None
            }
        };
        let sections = self.sections(&root);
        let (questions, watch_choices) = self.questions(&root, words);
        let (rules, watch_rules) = self.rules(&root);
        let patterns = self.remarks(&root, "pattern", Item::Pattern);
        let tell = self.remarks(&root, "tell", Item::Tell);
        let expectations = self.expectations(&root);
        let (results, watch_results) = self.results(&root);
        let checks = Checks {
            rules: leak(watch_rules),
            results: leak(watch_results),
            choices: leak(watch_choices),
        };
        Some(Quiz {
            sections: leak(sections),
            questions: leak(questions),
            rules: leak(rules),
            patterns: leak(patterns),
            tell: leak(tell),
            expectations: leak(expectations),
            results: leak(results),
            words: words?,
            checks: Box::leak(Box::new(checks)),
        })
    }

    pub(super) fn sections(&mut self, root: &DeTable<'a>) -> Vec<Section> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "section", "section") {
            self.known_keys(t, &["id", "title"], "section");
            let Some(id) = self.string(t, "id", "section", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = Item::Section(id);
            self.remember(item, &span);
            if let Some(title) = self.text(t, "title", &item.to_string(), &span) {
                out.push(Section { id, title });
            }
        }
        out
    }

    /// The questions, and the `watch` of each choice that has one ([`Checks`]).
    pub(super) fn questions(
        &mut self,
        root: &DeTable<'a>,
        words: Option<Words>,
    ) -> (Vec<Question>, Vec<(QuestionId, ChoiceId, Condition)>) {
        const KEYS: [&str; 11] = [
            "id", "section", "kind", "prompt", "why", "hint", "min", "max", "show_if", "source",
            "choice",
        ];
        let mut out = Vec::new();
        let mut watches = Vec::new();
        for (t, span) in self.tables(root, "question", "question") {
            let Some(id) = self.string(t, "id", "question", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let id = QuestionId(id);
            let item = Item::Question(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &KEYS, &name);
            let kinds = [
                Kind::Single,
                Kind::YesNo,
                Kind::Checklist,
                Kind::Scale,
                Kind::Number,
            ];
            let kind = self.string(t, "kind", &name, &span).and_then(|k| {
                let found = kinds.into_iter().find(|kind| kind.name() == k);
                if found.is_none() {
                    self.error(
                        &span,
                        &name,
                        format!("unknown kind \"{k}\" (single, yes-no, checklist, scale, number)"),
                    );
                }
                found
            });
            let section = self.string(t, "section", &name, &span);
            let prompt = self.text(t, "prompt", &name, &span);
            let why = self.text(t, "why", &name, &span);
            let hint = self.optional_text(t, "hint", &name, &span);
            let source = self.source(t, &name, &span, None);
            let show_if = self.optional_condition(t, "show_if", &name);
            let (mut min, mut max) = (0, 0);
            if let Some(v) = Self::get(t, "min") {
                min = self.integer(v, "min", &name).unwrap_or(0);
            }
            if let Some(v) = Self::get(t, "max") {
                max = self.integer(v, "max", &name).unwrap_or(0);
            }
            let mut choices = Vec::new();
            for (c, cspan) in self.tables(t, "choice", &name) {
                let Some(cid) = self.string(c, "id", &name, &cspan) else {
                    continue;
                };
                let cspan = Self::id_span(c, cspan);
                let citem = Item::Choice(id, ChoiceId(cid));
                let cname = citem.to_string();
                self.remember(citem, &cspan);
                self.known_keys(
                    c,
                    &["id", "label", "none", "source", "worse", "watch"],
                    &cname,
                );
                let exclusive = match Self::get(c, "none") {
                    None => false,
                    Some(v) => match v.get_ref() {
                        DeValue::Boolean(b) => *b,
                        _ => {
                            self.error(&v.span(), &cname, "\"none\" must be true or false");
                            false
                        }
                    },
                };
                let label = self.text(c, "label", &cname, &cspan);
                let csource = self.source(c, &cname, &cspan, source);
                let worse = self.optional_text(c, "worse", &cname, &cspan);
                if let Some(watch) = self.watch(c, &cname) {
                    watches.push((id, ChoiceId(cid), watch));
                }
                if let (Some(label), Some(source)) = (label, csource) {
                    choices.push(Choice {
                        id: ChoiceId(cid),
                        label,
                        exclusive,
                        source,
                        worse,
                    });
                }
            }
            if kind == Some(Kind::YesNo) && choices.is_empty() {
                if let (Some(words), Some(source)) = (words, source) {
                    choices = vec![
                        Choice {
                            id: ChoiceId("yes"),
                            label: words.yes,
                            exclusive: false,
                            source,
                            worse: None,
                        },
                        Choice {
                            id: ChoiceId("no"),
                            label: words.no,
                            exclusive: false,
                            source,
                            worse: None,
                        },
                    ];
                }
            }
            if let (
                Some(kind),
                Some(section),
                Some(prompt),
                Some(why),
                Some(source),
                Some(show_if),
            ) = (kind, section, prompt, why, source, show_if)
            {
                out.push(Question {
                    id,
                    section,
                    kind,
                    prompt,
                    why,
                    hint,
                    choices: leak(choices),
                    min,
                    max,
                    show_if,
                    source,
                });
            }
        }
        (out, watches)
    }

    /// The rules, and the `watch` of those that have one ([`Checks`]).
    pub(super) fn rules(
        &mut self,
        root: &DeTable<'a>,
    ) -> (Vec<Rule>, Vec<(&'static str, Condition)>) {
        let mut out = Vec::new();
        let mut watches = Vec::new();
        for (t, span) in self.tables(root, "rule", "rule") {
            let Some(id) = self.string(t, "id", "rule", &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = Item::Rule(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(
                t,
                &[
                    "id", "tier", "when", "reason", "source", "call", "action", "headline",
                    "worse", "watch", "details",
                ],
                &name,
            );
            let tier = self.string(t, "tier", &name, &span).and_then(|s| {
                let tier = Tier::from_slug(s);
                if tier.is_none() {
                    self.error(&span, &name, format!("unknown tier \"{s}\" (emergency, urgent, doctor-first, call-clinic, self-care)"));
                }
                tier
            });
            let when = self.required_condition(t, "when", &name, &span);
            let reason = self.text(t, "reason", &name, &span);
            let source = self.source(t, &name, &span, None);
            let call = self.lines(t, &name);
            let action = self.optional_text(t, "action", &name, &span);
            let headline = self.optional_text(t, "headline", &name, &span);
            let worse = self.optional_text(t, "worse", &name, &span);
            if let Some(watch) = self.watch(t, &name) {
                watches.push((id, watch));
            }
            let details = match Self::get(t, "details").map(|v| (v.get_ref(), v.span())) {
                None => Some(true),
                Some((DeValue::Boolean(b), _)) => Some(*b),
                Some((_, at)) => {
                    self.error(&at, &name, "\"details\" must be true or false");
                    None
                }
            };
            if let (Some(tier), Some(when), Some(reason), Some(source), Some(call), Some(details)) =
                (tier, when, reason, source, call, details)
            {
                // An emergency result always has a line to call: 911 unless named.
                let call = match call {
                    [] if tier == Tier::Emergency => &[Line::Emergency][..],
                    named => named,
                };
                out.push(Rule {
                    id,
                    tier,
                    when,
                    reason,
                    source,
                    call,
                    action,
                    headline,
                    worse,
                    details,
                });
            }
        }
        (out, watches)
    }

    /// A rule's `call = ["911", "988", "poison-control"]`: the lines its result shows.
    pub(super) fn lines(&mut self, table: &DeTable<'a>, item: &str) -> Option<&'static [Line]> {
        let Some(v) = Self::get(table, "call") else {
            return Some(&[]);
        };
        let known: Vec<&str> = Line::ALL.iter().map(|l| l.id()).collect();
        let DeValue::Array(ids) = v.get_ref() else {
            self.error(
                &v.span(),
                item,
                format!("\"call\" must be a list of lines ({})", known.join(", ")),
            );
            return None;
        };
        let mut out = Vec::new();
        for id in ids.iter() {
            let name = self.as_string(id, "call", item)?;
            match Line::from_id(name) {
                Some(line) => out.push(line),
                None => {
                    self.error(
                        &id.span(),
                        item,
                        format!(
                            "unknown line \"{name}\" in \"call\" (known: {})",
                            known.join(", ")
                        ),
                    );
                    return None;
                }
            }
        }
        Some(leak(out))
    }

    pub(super) fn remarks(
        &mut self,
        root: &DeTable<'a>,
        key: &str,
        item_of: fn(&'static str) -> Item,
    ) -> Vec<Remark> {
        let mut out = Vec::new();
        for (t, span) in self.tables(root, key, key) {
            let Some(id) = self.string(t, "id", key, &span) else {
                continue;
            };
            let span = Self::id_span(t, span);
            let item = item_of(id);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &["id", "when", "text", "source"], &name);
            // A thing to tell the acupuncturist may hold for everyone: without a
            // condition it is shown with every result that shows the list.
            let when = match (key, Self::get(t, "when")) {
                ("tell", None) => Some(Condition::ALWAYS),
                _ => self.required_condition(t, "when", &name, &span),
            };
            let text = self.text(t, "text", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(when), Some(text), Some(source)) = (when, text, source) {
                out.push(Remark {
                    id,
                    when,
                    text,
                    source,
                });
            }
        }
        out
    }

    pub(super) fn expectations(&mut self, root: &DeTable<'a>) -> Vec<Expectation> {
        let mut out = Vec::new();
        for (i, (t, span)) in self
            .tables(root, "expect", "expect")
            .into_iter()
            .enumerate()
        {
            let item = Item::Expectation(i);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(t, &["text", "source"], &name);
            let text = self.text(t, "text", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(text), Some(source)) = (text, source) {
                out.push(Expectation { text, source });
            }
        }
        out
    }

    /// The results' texts, and the `watch` of those that have one ([`Checks`]).
    pub(super) fn results(
        &mut self,
        root: &DeTable<'a>,
    ) -> (Vec<TierText>, Vec<(Tier, Condition)>) {
        let mut out = Vec::new();
        let mut watches = Vec::new();
        for (t, span) in self.tables(root, "result", "result") {
            let Some(slug) = self.string(t, "tier", "result", &span) else {
                continue;
            };
            let span = Self::get(t, "tier").map_or(span, |v| v.span());
            let Some(tier) = Tier::from_slug(slug) else {
                self.error(&span, "result", format!("unknown tier \"{slug}\""));
                continue;
            };
            let item = Item::Result(tier);
            let name = item.to_string();
            self.remember(item, &span);
            self.known_keys(
                t,
                &["tier", "headline", "action", "worse", "watch", "source"],
                &name,
            );
            if let Some(watch) = self.watch(t, &name) {
                watches.push((tier, watch));
            }
            let headline = self.text(t, "headline", &name, &span);
            let action = self.text(t, "action", &name, &span);
            let worse = self.text(t, "worse", &name, &span);
            let source = self.source(t, &name, &span, None);
            if let (Some(headline), Some(action), Some(worse), Some(source)) =
                (headline, action, worse, source)
            {
                out.push(TierText {
                    tier,
                    headline,
                    action,
                    worse,
                    source,
                });
            }
        }
        (out, watches)
    }

    /// `watch = [condition, ...]`: what already happened if the line's "if … starts"
    /// would contradict the answers; `[]` when the line names nothing the quiz asks.
    /// Any of them ([`Checks`]).
    fn watch(&mut self, t: &DeTable<'a>, item: &str) -> Option<Condition> {
        self.conditions(t, "watch", item).map(Condition::Any)
    }

    // ----- the clinic file -----
}
