//! The exhaustive walk of every path of answers ([`explore`]): exact, and small because
//! states that cannot lead anywhere different are merged. It takes the app's own step
//! of the path ([`Quiz::step`]), with every condition partly evaluated ([`Partial`]) and
//! each answer worth trying in turn.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::flow::{Answer, Answers, Follow, Step};
use crate::model::{Choice, ChoiceId, Condition, Kind, Question, QuestionId, Quiz, Tier};

/// What the walk found.
#[derive(Debug, Default)]
pub struct Exploration {
    pub reached: Vec<QuestionId>,
    pub rule_fires: Vec<bool>,
    pub pattern_applies: Vec<bool>,
    pub tell_applies: Vec<bool>,
    /// A complete path of answers that fires no rule, if there is one.
    pub no_outcome: Option<Answers>,
    /// Complete paths of answers, counting every checklist subset and every range of
    /// numbers the conditions tell apart.
    pub paths: u128,
    /// Distinct states visited after merging; each was checked with real answers.
    pub states: usize,
    /// How many paths ask how many questions: `lengths[n]` paths ask `n`.
    pub lengths: Vec<u128>,
    /// For each [`Probe`] asked, the answers of a path it found, if any.
    pub witnesses: Vec<Option<Answers>>,
    /// How many probes of each kind the walk answered, for the figures (`results`).
    pub probed: Vec<(&'static str, usize)>,
}

/// A question the walk answers beside its own: is there a path of answers on which
/// `when` holds, `unless` does not, and the result's tier is one of `tiers`? The
/// checks that a result never contradicts the answers are probes (`results`).
#[derive(Clone, Debug)]
pub struct Probe {
    /// `None`: on every path.
    pub when: Option<&'static Condition>,
    pub unless: Option<&'static Condition>,
    pub tiers: Tiers,
}

/// A set of tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tiers(u8);

impl Tiers {
    pub const ALL: Tiers = Tiers(0b11111);

    pub fn only(tier: Tier) -> Tiers {
        Tiers(1 << tier as u8)
    }

    /// This tier and every tier above it.
    pub fn from(tier: Tier) -> Tiers {
        Tiers(Tiers::ALL.0 & !((1 << tier as u8) - 1))
    }

    pub fn without(self, tier: Tier) -> Tiers {
        Tiers(self.0 & !(1 << tier as u8))
    }

    pub fn and(self, other: Tiers) -> Tiers {
        Tiers(self.0 & other.0)
    }

    pub fn has(self, tier: Tier) -> bool {
        self.0 & (1 << tier as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Exploration {
    /// The fewest and most questions on a path, and the median over all paths.
    pub fn path_lengths(&self) -> (usize, usize, usize) {
        let asked = |(n, count): (usize, &u128)| (*count > 0).then_some(n);
        let shortest = self.lengths.iter().enumerate().find_map(asked).unwrap_or(0);
        let longest = self
            .lengths
            .iter()
            .enumerate()
            .rev()
            .find_map(asked)
            .unwrap_or(0);
        let mut seen = 0;
        let median = self
            .lengths
            .iter()
            .position(|count| {
                seen += count;
                seen * 2 >= self.paths
            })
            .unwrap_or(0);
        (shortest, longest, median)
    }
}

/// The walks' maps of states met: keyed by state, hashed with a multiply-and-rotate
/// hash rather than the standard library's SipHash. The keys are the walk's own states,
/// never input an attacker chooses, and hashing them was a quarter of a walk's time.
pub(super) type Seen<K, V> = HashMap<K, V, BuildHasherDefault<StateHasher>>;

/// The hash of [`Seen`] (the one of `rustc-hash`, without the dependency).
#[derive(Default)]
pub(super) struct StateHasher(u64);

impl StateHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for StateHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.add(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A condition simplified by the answers given so far.
#[derive(Clone, Debug)]
pub(super) enum Partial {
    True,
    False,
    Atom(&'static Condition),
    // Shared: a state is copied for every answer tried, and most of its conditions do
    // not name the question answered.
    All(Rc<[Partial]>),
    Any(Rc<[Partial]>),
}

// An atom is one place in the compiled-in quiz: compare and hash it by address, not by
// its text. The walk hashes every state it meets; hashing the question and choice ids
// of every atom took most of its time.
impl PartialEq for Partial {
    fn eq(&self, other: &Partial) -> bool {
        match (self, other) {
            (Partial::True, Partial::True) | (Partial::False, Partial::False) => true,
            (Partial::Atom(a), Partial::Atom(b)) => std::ptr::eq(*a, *b),
            (Partial::All(a), Partial::All(b)) | (Partial::Any(a), Partial::Any(b)) => {
                Rc::ptr_eq(a, b) || a == b
            }
            _ => false,
        }
    }
}

impl Eq for Partial {}

impl std::hash::Hash for Partial {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Partial::True | Partial::False => {}
            Partial::Atom(c) => std::ptr::hash(*c, state),
            Partial::All(parts) | Partial::Any(parts) => parts.hash(state),
        }
    }
}

impl Partial {
    pub(super) fn new(c: &'static Condition) -> Partial {
        match c {
            Condition::All([]) => Partial::True,
            Condition::All(parts) => Partial::All(parts.iter().map(Partial::new).collect()),
            Condition::Any(parts) => Partial::Any(parts.iter().map(Partial::new).collect()),
            atom => Partial::Atom(atom),
        }
    }

    /// Each question's show-if and each rule's condition, before any answer.
    pub(super) fn unanswered(quiz: &Quiz) -> (Vec<Partial>, Vec<Partial>) {
        let shows = quiz
            .questions
            .iter()
            .map(|q| q.show_if.as_ref().map_or(Partial::True, Partial::new))
            .collect();
        (
            shows,
            quiz.rules.iter().map(|r| Partial::new(&r.when)).collect(),
        )
    }

    /// Where in `conditions` those that look at `question` are: the only ones an answer
    /// to it settles (the walk of every path and the joint walk both settle only these).
    pub(super) fn naming(conditions: &[Partial], question: QuestionId) -> Vec<usize> {
        let all = conditions.iter().enumerate();
        all.filter_map(|(i, p)| p.mentions(question).then_some(i))
            .collect()
    }

    /// Whether an atom of this condition looks at `question`.
    fn mentions(&self, question: QuestionId) -> bool {
        match self {
            Partial::True | Partial::False => false,
            Partial::Atom(Condition::Chose { question: q, .. })
            | Partial::Atom(Condition::Between { question: q, .. }) => *q == question,
            Partial::Atom(_) => true,
            Partial::All(parts) | Partial::Any(parts) => parts.iter().any(|p| p.mentions(question)),
        }
    }

    /// Replaces the atoms on `question` by their value for `answer` (`None`: the
    /// question was not asked) and simplifies. Cheap when nothing changes: the walk
    /// calls it for every condition and every candidate answer.
    pub(super) fn settle(&self, question: QuestionId, answer: Option<&Answer>) -> Partial {
        if !self.mentions(question) {
            return self.clone();
        }
        match self {
            Partial::True | Partial::False => self.clone(),
            Partial::Atom(c) => {
                let holds = match (c, answer) {
                    (Condition::Chose { any, .. }, Some(Answer::Choices(chosen))) => {
                        chosen.iter().any(|x| any.contains(x))
                    }
                    (Condition::Between { min, max, .. }, Some(Answer::Number(n))) => {
                        (*min..=*max).contains(n)
                    }
                    _ => false,
                };
                if holds {
                    Partial::True
                } else {
                    Partial::False
                }
            }
            Partial::All(parts) => {
                let parts: Vec<Partial> =
                    parts.iter().map(|p| p.settle(question, answer)).collect();
                if parts.contains(&Partial::False) {
                    Partial::False
                } else if parts.iter().all(|p| *p == Partial::True) {
                    Partial::True
                } else {
                    Partial::All(parts.into_iter().filter(|p| *p != Partial::True).collect())
                }
            }
            Partial::Any(parts) => {
                let parts: Vec<Partial> =
                    parts.iter().map(|p| p.settle(question, answer)).collect();
                if parts.contains(&Partial::True) {
                    Partial::True
                } else if parts.iter().all(|p| *p == Partial::False) {
                    Partial::False
                } else {
                    Partial::Any(parts.into_iter().filter(|p| *p != Partial::False).collect())
                }
            }
        }
    }
}

/// What can still happen from one point of the walk. Conditions that became true are
/// recorded and then kept as `False`, so that paths differing only in what already
/// happened merge.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct State {
    next: usize,
    shows: Vec<Partial>,
    rules: Vec<Partial>,
    patterns: Vec<Partial>,
    tell: Vec<Partial>,
    /// Each probe's `when` and `unless`; both `False` once it is answered or cannot be.
    probes: Vec<[Partial; 2]>,
    /// The highest tier of the rules that fired so far: `None`, no outcome yet.
    top: Option<Tier>,
}

#[derive(Clone, Debug)]
struct Summary {
    paths: u128,
    /// Paths from here by how many more questions they ask.
    lengths: Vec<u128>,
    /// The rest of a path with no outcome from this state, if any.
    no_outcome: Option<Vec<(QuestionId, Answer)>>,
}

/// Walks every path of answers. `leaf` is called once per merged state that ends the
/// quiz, with real answers that reach it and whether the walk saw a rule fire: tests
/// use it to check the app's own [`Quiz::outcome`] on each.
pub fn explore(quiz: &Quiz, leaf: &mut dyn FnMut(&Answers, bool)) -> Exploration {
    explore_probing(quiz, &[], leaf)
}

/// [`explore`], answering `probes` on the way: `witnesses` holds a path for each probe
/// that some path satisfies.
pub fn explore_probing(
    quiz: &Quiz,
    probes: &[Probe],
    leaf: &mut dyn FnMut(&Answers, bool),
) -> Exploration {
    let (shows, rules) = Partial::unanswered(quiz);
    let partial = |c: Option<&'static Condition>| c.map_or(Partial::True, Partial::new);
    let start = State {
        next: 0,
        shows,
        rules,
        patterns: quiz
            .patterns
            .iter()
            .map(|p| Partial::new(&p.when))
            .collect(),
        tell: quiz.tell.iter().map(|t| Partial::new(&t.when)).collect(),
        probes: probes
            .iter()
            .map(|p| {
                let unless = p.unless.map_or(Partial::False, Partial::new);
                [partial(p.when), unless]
            })
            .collect(),
        top: None,
    };
    let extra: Vec<&'static Condition> = probes
        .iter()
        .flat_map(|p| p.when.into_iter().chain(p.unless))
        .collect();
    let mut walker = Walker {
        quiz,
        found: Exploration {
            rule_fires: vec![false; quiz.rules.len()],
            // A condition true before any answer (a thing to tell everyone) applies
            // on every path; the others are recorded when an answer settles them.
            pattern_applies: start.patterns.iter().map(|p| *p == Partial::True).collect(),
            tell_applies: start.tell.iter().map(|p| *p == Partial::True).collect(),
            witnesses: vec![None; probes.len()],
            ..Exploration::default()
        },
        probes,
        seen: Seen::default(),
        path: Vec::new(),
        tries: quiz
            .questions
            .iter()
            .map(|q| tries(quiz, &extra, q))
            .collect(),
        affected: quiz
            .questions
            .iter()
            .map(|q| Affected::by(&start, q.id))
            .collect(),
        answers: Seen::default(),
        ends: [false, true].map(|has_outcome| {
            Rc::new(Summary {
                paths: 1,
                lengths: vec![1],
                no_outcome: (!has_outcome).then(Vec::new),
            })
        }),
        leaf,
    };
    let summary = walker.walk(start);
    let mut found = walker.found;
    found.paths = summary.paths;
    found.lengths = summary.lengths.clone();
    found.states = walker.seen.len();
    found.no_outcome = summary.no_outcome.clone().map(Answers::from_pairs);
    found
}

struct Walker<'a> {
    quiz: &'a Quiz,
    found: Exploration,
    probes: &'a [Probe],
    /// What each state met leads to; a state is met again far more often than new.
    seen: Seen<State, Rc<Summary>>,
    path: Vec<(QuestionId, Answer)>,
    /// Each question's [`tries`].
    tries: Vec<Vec<(Answer, u128)>>,
    /// Each question's [`Affected`].
    affected: Vec<Affected>,
    /// What answering a question does, by the values of the conditions that name it.
    answers: Seen<(usize, Vec<Partial>), Rc<Vec<Answered>>>,
    /// What the end of a path leads to, without an outcome and with one.
    ends: [Rc<Summary>; 2],
    leaf: &'a mut dyn FnMut(&Answers, bool),
}

impl Walker<'_> {
    fn walk(&mut self, state: State) -> Rc<Summary> {
        if let Some(summary) = self.seen.get(&state) {
            return Rc::clone(summary);
        }
        let summary = self.expand(&state);
        self.seen.insert(state, Rc::clone(&summary));
        summary
    }

    fn expand(&mut self, state: &State) -> Rc<Summary> {
        let quiz = self.quiz;
        // Skip the questions that are not shown (their atoms are false from now on), up
        // to the next question asked, or the end.
        let mut skipping = Branch {
            walker: self,
            state: state.clone(),
            offered: None,
        };
        let (at, stop) = quiz.follow(state.next, &mut skipping);
        let state = skipping.state;
        if stop != Step::Asks {
            return self.finish(state);
        }
        let question = &quiz.questions[at];
        if !self.found.reached.contains(&question.id) {
            self.found.reached.push(question.id);
        }
        let mut total = Summary {
            paths: 0,
            lengths: Vec::new(),
            no_outcome: None,
        };
        let outcomes = self.answered(at, &state);
        for outcome in outcomes.iter() {
            let Answered {
                answer,
                weight,
                ends,
                raised,
                slots,
            } = outcome;
            // One step with this answer: the states are merged before the questions
            // after it are skipped, where the walk goes on.
            let mut next = state.clone();
            next.top = next.top.max(*raised);
            self.path.push((question.id, answer.clone()));
            let sub = if *ends {
                // The quiz ends here: what this answer did to the probes counts.
                self.affected[at].put_probes(&mut next, slots);
                self.end(next)
            } else {
                self.affected[at].put(&mut next, slots);
                next.next = at + 1;
                let next = self.forget_fired(next);
                self.walk(next)
            };
            self.path.pop();
            total.paths += weight * sub.paths;
            if total.lengths.len() < sub.lengths.len() + 1 {
                total.lengths.resize(sub.lengths.len() + 1, 0);
            }
            for (n, count) in sub.lengths.iter().enumerate() {
                total.lengths[n + 1] += weight * count;
            }
            if total.no_outcome.is_none() {
                total.no_outcome = sub.no_outcome.as_ref().map(|rest| {
                    let first = (question.id, answer.clone());
                    std::iter::once(first).chain(rest.iter().cloned()).collect()
                });
            }
        }
        Rc::new(total)
    }

    /// What each answer tried at question `at` does, from `state`, grouped by what it
    /// leaves: the step through the app's own [`Quiz::step`], once per answer for each
    /// different value of the conditions that name the question ([`Affected::key`]).
    /// The rest of a state cannot change what answering does: only those conditions
    /// are settled, and the quiz ends on an emergency rule that the answer made true
    /// (one made true earlier ended it while skipping). A checklist of ten ticks is
    /// tried 1,024 times once, not once per state that reaches it.
    fn answered(&mut self, at: usize, state: &State) -> Rc<Vec<Answered>> {
        let key = (at, self.affected[at].key(state));
        if let Some(known) = self.answers.get(&key) {
            return Rc::clone(known);
        }
        let quiz = self.quiz;
        let mut groups: Vec<Answered> = Vec::new();
        for tried in 0..self.tries[at].len() {
            let (answer, weight) = self.tries[at][tried].clone();
            let mut branch = Branch {
                walker: self,
                state: state.clone(),
                offered: Some(answer.clone()),
            };
            let ends = quiz.step(at, &mut branch) == Step::Ends;
            let next = branch.state;
            let raised = (self.affected[at].rules.iter())
                .filter(|&&i| next.rules[i] == Partial::True)
                .map(|&i| quiz.rules[i].tier)
                .max();
            let slots = self.affected[at].key(&next);
            let same = groups
                .iter_mut()
                .find(|g| g.ends == ends && g.raised == raised && g.slots == slots);
            match same {
                Some(group) => group.weight += weight,
                None => groups.push(Answered {
                    answer,
                    weight,
                    ends,
                    raised,
                    slots,
                }),
            }
        }
        let groups = Rc::new(groups);
        self.answers.insert(key, Rc::clone(&groups));
        groups
    }

    /// Settles every condition on question `at`, recording what became true. Only the
    /// conditions that named it can change ([`Affected`]); one that was already true
    /// was recorded then.
    fn settle(&mut self, state: &mut State, at: usize, answer: Option<&Answer>) {
        let question = self.quiz.questions[at].id;
        let Affected {
            shows,
            rules,
            patterns,
            tell,
            probes,
        } = &self.affected[at];
        let settle = |p: &mut Partial| {
            if p.mentions(question) {
                *p = p.settle(question, answer);
            }
            *p == Partial::True
        };
        for &i in shows {
            settle(&mut state.shows[i]);
        }
        for &i in rules {
            if settle(&mut state.rules[i]) {
                self.found.rule_fires[i] = true;
                state.top = state.top.max(Some(self.quiz.rules[i].tier));
            }
        }
        for &i in patterns {
            self.found.pattern_applies[i] |= settle(&mut state.patterns[i]);
        }
        for &i in tell {
            self.found.tell_applies[i] |= settle(&mut state.tell[i]);
        }
        for &i in probes {
            let [when, unless] = &mut state.probes[i];
            settle(when);
            settle(unless);
        }
    }

    /// What can no longer make a difference is forgotten, so that paths that differ only
    /// in it merge: a rule, pattern or thing to tell that already fired (recorded),
    /// whether a question already behind was shown (the step looks only ahead), and a
    /// probe that is answered whatever comes next.
    fn forget_fired(&mut self, mut state: State) -> State {
        for i in 0..state.probes.len() {
            let [when, unless] = &state.probes[i];
            let dead = *when == Partial::False || *unless == Partial::True;
            // Tiers only go up: a probe that holds now and allows every tier from here
            // on holds on every path from here.
            let settled = *when == Partial::True
                && *unless == Partial::False
                && state.top.is_some_and(|top| {
                    Tier::ALL
                        .iter()
                        .all(|&t| t < top || self.probes[i].tiers.has(t))
                });
            if settled {
                self.witness(i);
            }
            if dead || settled || self.found.witnesses[i].is_some() {
                state.probes[i] = [Partial::False, Partial::False];
            }
        }
        for p in &mut state.shows[..state.next] {
            *p = Partial::False;
        }
        for p in state
            .rules
            .iter_mut()
            .chain(&mut state.patterns)
            .chain(&mut state.tell)
        {
            if *p == Partial::True {
                *p = Partial::False;
            }
        }
        state
    }

    /// Every question is behind: unasked questions count as unanswered.
    fn finish(&mut self, mut state: State) -> Rc<Summary> {
        for at in 0..self.quiz.questions.len() {
            self.settle(&mut state, at, None);
        }
        self.end(state)
    }

    fn end(&mut self, state: State) -> Rc<Summary> {
        let answers = Answers::from_pairs(self.path.clone());
        (self.leaf)(&answers, state.top.is_some());
        // A condition still waiting names a question not asked: it does not hold.
        for (i, [when, unless]) in state.probes.iter().enumerate() {
            let tier = state.top.is_some_and(|t| self.probes[i].tiers.has(t));
            if *when == Partial::True && *unless != Partial::True && tier {
                self.witness(i);
            }
        }
        Rc::clone(&self.ends[usize::from(state.top.is_some())])
    }

    fn witness(&mut self, probe: usize) {
        if self.found.witnesses[probe].is_none() {
            self.found.witnesses[probe] = Some(Answers::from_pairs(self.path.clone()));
        }
    }
}

/// The answers tried at a question that leave the same: the first of them, how many
/// sets of answers they stand for, whether the quiz ends there, the highest tier of the
/// rules it made fire, and the conditions naming the question afterwards
/// ([`Affected::key`]).
#[derive(Debug)]
struct Answered {
    answer: Answer,
    weight: u128,
    ends: bool,
    raised: Option<Tier>,
    slots: Vec<Partial>,
}

/// Which of a state's conditions name one question: the only ones its answer settles.
#[derive(Debug)]
struct Affected {
    shows: Vec<usize>,
    rules: Vec<usize>,
    patterns: Vec<usize>,
    tell: Vec<usize>,
    probes: Vec<usize>,
}

impl Affected {
    /// The values of these conditions in `state`, shows first; a rule, pattern or thing
    /// to tell that fired counts as forgotten ([`Walker::forget_fired`]).
    fn key(&self, state: &State) -> Vec<Partial> {
        let forgotten = |p: &Partial| match p {
            Partial::True => Partial::False,
            other => other.clone(),
        };
        let shows = self.shows.iter().map(|&i| state.shows[i].clone());
        let rules = self.rules.iter().map(|&i| forgotten(&state.rules[i]));
        let patterns = self.patterns.iter().map(|&i| forgotten(&state.patterns[i]));
        let tell = self.tell.iter().map(|&i| forgotten(&state.tell[i]));
        let probes = self.probes.iter().flat_map(|&i| state.probes[i].clone());
        let all = shows.chain(rules).chain(patterns).chain(tell);
        all.chain(probes).collect()
    }

    /// Puts back values that [`Affected::key`] took.
    fn put(&self, state: &mut State, values: &[Partial]) {
        let mut values = values.iter();
        for (at, slots) in [
            (&self.shows, &mut state.shows),
            (&self.rules, &mut state.rules),
            (&self.patterns, &mut state.patterns),
            (&self.tell, &mut state.tell),
        ] {
            for &i in at {
                slots[i] = values.next().expect("a value per condition").clone();
            }
        }
        for &i in &self.probes {
            for p in &mut state.probes[i] {
                *p = values.next().expect("a value per condition").clone();
            }
        }
    }

    /// Puts back only the probes' values that [`Affected::key`] took.
    fn put_probes(&self, state: &mut State, values: &[Partial]) {
        let before = self.shows.len() + self.rules.len() + self.patterns.len() + self.tell.len();
        let mut values = values[before..].iter();
        for &i in &self.probes {
            for p in &mut state.probes[i] {
                *p = values.next().expect("a value per condition").clone();
            }
        }
    }

    fn by(start: &State, question: QuestionId) -> Affected {
        let naming = |conditions: &[Partial]| Partial::naming(conditions, question);
        Affected {
            shows: naming(&start.shows),
            rules: naming(&start.rules),
            patterns: naming(&start.patterns),
            tell: naming(&start.tell),
            probes: (start.probes.iter().enumerate())
                .filter(|(_, p)| p.iter().any(|p| p.mentions(question)))
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

/// One point of the walk of every path, as the one step of the path ([`Quiz::step`])
/// follows it: conditions partly evaluated, and the one answer being tried.
struct Branch<'w, 'a> {
    walker: &'w mut Walker<'a>,
    state: State,
    /// The answer tried at the question asked; `None` stops there.
    offered: Option<Answer>,
}

impl Follow for Branch<'_, '_> {
    /// A show-if still waiting on a question names a later one (the validator reports
    /// it): asked, so that the walk reports what follows from it too.
    fn shown(&self, at: usize, _: &'static Question) -> bool {
        self.state.shows[at] != Partial::False
    }

    fn given(&mut self, _: &'static Question) -> Option<Answer> {
        self.offered.take()
    }

    fn pass(&mut self, at: usize, _: &'static Question, answer: Option<Answer>) {
        self.walker.settle(&mut self.state, at, answer.as_ref());
        self.state.next = at + 1;
    }

    fn ends(&self) -> bool {
        let mut rules = self.walker.quiz.rules.iter().zip(&self.state.rules);
        rules.any(|(r, after)| r.tier == Tier::Emergency && *after == Partial::True)
    }
}

/// The most choices a checklist may have besides its "none": the walk tries every
/// combination of them, and more is a validation error (`kind`), not a silent cap.
pub const MAX_CHECKLIST_CHOICES: usize = 16;

/// The answers worth trying for a question: every choice; every subset of a
/// checklist; for numbers, one value per range that some condition tells apart.
pub fn candidates(quiz: &Quiz, question: &Question) -> Vec<Answer> {
    candidates_with(quiz, &[], question)
}

/// [`candidates`], telling apart also what the conditions `extra` tell apart.
fn candidates_with(quiz: &Quiz, extra: &[&'static Condition], question: &Question) -> Vec<Answer> {
    match question.kind {
        Kind::Single | Kind::YesNo => question
            .choices
            .iter()
            .map(|c| Answer::Choices(vec![c.id]))
            .collect(),
        Kind::Checklist => {
            let (none, items): (Vec<&Choice>, Vec<&Choice>) =
                question.choices.iter().partition(|c| c.exclusive);
            let mut out: Vec<Answer> = none.iter().map(|c| Answer::Choices(vec![c.id])).collect();
            // More is a validation error; a broken quiz's walk stays bounded all the same.
            let n = items.len().min(MAX_CHECKLIST_CHOICES);
            for mask in 1u32..(1 << n) {
                let chosen = (0..n)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| items[i].id)
                    .collect();
                out.push(Answer::Choices(chosen));
            }
            out
        }
        Kind::Scale | Kind::Number => {
            let mut cuts = vec![question.min];
            let mut add = |c: &Condition| {
                if let Condition::Between {
                    question: q,
                    min,
                    max,
                } = c
                {
                    if *q == question.id {
                        cuts.push(*min);
                        cuts.push(max.saturating_add(1));
                    }
                }
            };
            for c in conditions(quiz, extra) {
                visit_atoms(c, &mut add);
            }
            cuts.retain(|c| (question.min..=question.max).contains(c));
            cuts.sort_unstable();
            cuts.dedup();
            cuts.into_iter().map(Answer::Number).collect()
        }
    }
}

/// The answers the walk tries at `question`, each with how many of its [`candidates`]
/// it stands for. Ticks of a checklist that the same conditions name are
/// interchangeable: any non-empty set of them gives the same next state, so one is
/// tried and counted for all (`2^n - 1` sets); ticks no condition names add nothing but
/// paths (`2^n` sets beside others). The count of paths stays every combination of
/// ticks; the work is one try per different next state.
fn tries(quiz: &Quiz, extra: &[&'static Condition], question: &Question) -> Vec<(Answer, u128)> {
    if question.kind != Kind::Checklist {
        let one = candidates_with(quiz, extra, question).into_iter();
        return one.map(|answer| (answer, 1)).collect();
    }
    let (none, items): (Vec<&Choice>, Vec<&Choice>) =
        question.choices.iter().partition(|c| c.exclusive);
    let items = &items[..items.len().min(MAX_CHECKLIST_CHOICES)];
    let mut lists: Vec<&[ChoiceId]> = Vec::new();
    for c in conditions(quiz, extra) {
        visit_atoms(c, &mut |atom| {
            if let Condition::Chose { question: q, any } = atom {
                if *q == question.id {
                    lists.push(any);
                }
            }
        });
    }
    // The ticks by the lists that name them, in the order of the checklist.
    let mut classes: Vec<(Vec<bool>, Vec<ChoiceId>)> = Vec::new();
    for c in items {
        let named: Vec<bool> = lists.iter().map(|list| list.contains(&c.id)).collect();
        match classes.iter_mut().find(|(key, _)| *key == named) {
            Some((_, ticks)) => ticks.push(c.id),
            None => classes.push((named, vec![c.id])),
        }
    }
    let unnamed = classes
        .iter()
        .position(|(key, _)| !key.contains(&true))
        .map_or(Vec::new(), |i| classes.remove(i).1);
    let mut out: Vec<(Answer, u128)> = none
        .iter()
        .map(|c| (Answer::Choices(vec![c.id]), 1))
        .collect();
    if let Some(first) = unnamed.first() {
        out.push((Answer::Choices(vec![*first]), (1 << unnamed.len()) - 1));
    }
    for mask in 1u32..(1 << classes.len()) {
        let taken = || (0..classes.len()).filter(move |i| mask & (1 << i) != 0);
        let firsts: Vec<ChoiceId> = taken().map(|i| classes[i].1[0]).collect();
        let chosen = items
            .iter()
            .map(|c| c.id)
            .filter(|id| firsts.contains(id))
            .collect();
        let sets: u128 = taken().map(|i| (1u128 << classes[i].1.len()) - 1).product();
        out.push((Answer::Choices(chosen), sets << unnamed.len()));
    }
    out
}

/// Every condition of the quiz (questions' show-ifs, rules, patterns, things to tell),
/// and `extra`.
fn conditions<'e>(
    quiz: &Quiz,
    extra: &'e [&'static Condition],
) -> impl Iterator<Item = &'static Condition> + 'e {
    let shows = quiz.questions.iter().filter_map(|q| q.show_if.as_ref());
    let rules = quiz.rules.iter().map(|r| &r.when);
    let remarks = quiz.patterns.iter().chain(quiz.tell).map(|r| &r.when);
    shows
        .chain(rules)
        .chain(remarks)
        .chain(extra.iter().copied())
}

fn visit_atoms(c: &Condition, f: &mut impl FnMut(&Condition)) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| visit_atoms(p, f))
        }
        atom => f(atom),
    }
}
