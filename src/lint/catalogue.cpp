#include "casus/lint/finding.hpp"

namespace casus {

const std::vector<RuleInfo>& RuleCatalogue() {
  static const std::vector<RuleInfo> catalogue = {
      {"aggressor-veto", Severity::Error,
       "a response needs the consent of a plausible aggressor against the protected party",
       "A guarantee whose response needs the consent of the state it is meant to deter cannot deter that "
       "state. casus counts as a plausible aggressor a named adversary; and, when it is contiguous with a "
       "protected party (Correlates of War Direct Contiguity v3.2, any of its five types: land, or up to "
       "400 miles of water, in the year of signature), a party outside the protected set that is bound by "
       "a non-aggression, neutrality or assurance clause towards a protected party, or a permanent member "
       "of the UN Security Council when the Council decides (each holds a veto, UN Charter Art. 27(3)). A "
       "restraint promise or a Council seat alone does not make a suspect: Budapest's United States and "
       "United Kingdom gave assurances and hold vetoes but are not who the memorandum guards against; "
       "contiguity is the strongest single predictor of militarised disputes (Bremer 1992, \"Dangerous "
       "Dyads\"). Sources: Istanbul draft 2022, where "
       "Russia asked that any response need the agreement of all guarantors, Russia included (NYT 15 Jun "
       "2024; Die Welt Apr 2024); Budapest Memorandum para. 4, which leaves action to the Security Council, "
       "where Russia, a signatory, holds a veto."},
      {"attribution-blockable", Severity::Error,
       "the body that decides whether the attack happened can be blocked by a plausible aggressor",
       "Before a duty is due someone must establish that the triggering event occurred and who is "
       "responsible. If that body decides by consensus and the aggressor sits on it, or it is the Security "
       "Council, the aggressor can block the finding and so the guarantee. Sources: Budapest para. 4 "
       "(Security Council); contrast the Paris Declaration 2026 Special Commission and the November 2025 US "
       "draft's joint assessment mechanism with NATO and Ukraine."},
      {"consult-only", Severity::Warning, "the strongest duty towards the protected party is consultation (or less)",
       "A promise to meet and talk is not a promise to act: the decision to help is left entirely to the "
       "future. Sources: US–Ukraine Bilateral Security Agreement 2024 (meet within 24 hours \"to determine "
       "appropriate next steps\"); Budapest para. 6 (consult when a question arises)."},
      {"non-binding", Severity::Warning, "the instrument is political, not legally binding",
       "A political commitment creates no obligation under international law; governments may treat it as "
       "a statement of intent. Source: the US position on the Budapest Memorandum (a political "
       "commitment, not legally binding)."},
      {"no-deadline", Severity::Warning, "a duty to respond (consult, act, assist or give all aid) has no time bound",
       "Without a deadline, delay is compliance. The rule fires on every response clause whose duty is stronger than "
       "none and whose deadline is none, whatever the duty: consultation, action, assistance or all aid. Contrast \"forthwith\" (NATO Art. 5), \"within 24 hours\" "
       "(2024 bilateral agreements) and \"a maximum of three days\" (Istanbul draft 2022)."},
      {"threshold-gap", Severity::Warning, "the trigger needs more than \"any armed attack\"",
       "A qualified threshold leaves limited, deniable or short attacks below the trigger, the space where "
       "an aggressor probes. Source: US draft guarantee, November 2025 (\"significant, deliberate, and "
       "sustained armed attack\")."},
      {"hybrid-gap", Severity::Warning,
       "no clause, or only a clause weaker than the strongest, is triggered by a hybrid or cyber attack",
       "Sabotage, cyber attacks and deniable operations are the likely form of a renewed challenge below "
       "war. The rule also fires when hybrid or cyber attacks trigger only a weaker duty (say, consultation) than an armed attack does (say, assistance). Source: NATO Washington Summit Declaration 2024 para. 13 (hybrid operations \"could reach the "
       "level of an armed attack\"), the remedy: name hybrid and cyber attacks as triggers."},
      {"geographic-gap", Severity::Warning, "part of a protected party's territory is outside the trigger's area",
       "An excluded region is a region where an attack costs the attacker nothing under the instrument. "
       "Sources: Istanbul draft 2022 (Crimea, Sevastopol, parts of Donetsk and Luhansk excluded); North "
       "Atlantic Treaty Art. 6 (territory south of the Tropic of Cancer, e.g. Hawaii, is outside Art. 5)."},
      {"constitutional-escape", Severity::Warning,
       "the duty is \"in accordance with constitutional processes\" (or national laws)",
       "The formula lets each government condition its response on its own legislature, turning an "
       "obligation into an option. Sources: ANZUS Art. IV, US–Japan Art. V, US–ROK Art. III."},
      {"means-discretion", Severity::Note,
       "each party chooses its own means (\"such action as it deems necessary\"), for a duty to act or stronger",
       "Not a defect: discretion over means is how NATO Art. 5 was written. But it means that the promise "
       "fixes that a response is owed, not what it is: a note for the reader. The rule needs a duty to act or "
       "stronger (act, assist, all-means) with means_choice = each-party: a duty to consult or to seek UN action "
       "has no means to choose, and a text that names the kind of aid (means_choice = fixed, e.g. the Modified "
       "Brussels Treaty's \"all the military and other aid\") does not leave the means open."},
      {"single-decider", Severity::Warning, "the collective response rests on one actor's decision",
       "If one government decides for all, the guarantee is as strong as that government's will at the "
       "time, and the adversary needs to persuade only it. Source: US draft guarantee, November 2025 (the "
       "US President determines the measures)."},
      {"activation-condition", Severity::Warning, "the guarantee only activates after an event (e.g. a ceasefire)",
       "Until the condition holds, there is no guarantee; and whoever controls the condition (a ceasefire "
       "needs the aggressor's assent) controls the guarantee. Source: Paris Declaration 2026 (guarantees "
       "\"activated once a ceasefire enters into force\")."},
      {"short-duration", Severity::Warning, "expires in under 20 years, or can be ended on under 1 year's notice",
       "A guarantee the aggressor can outwait, or one a guarantor can leave quickly, deters less. Sources: "
       "2024 bilateral agreements (10 years; US–Ukraine terminable on 6 months' notice); compare NATO "
       "Art. 13 (one year's notice, only after 20 years in force)."},
      {"no-forces-in-place", Severity::Note,
       "no clause puts guarantor forces in or near the protected party (one-way guarantees only)",
       "Forces in place make a response likely whatever governments later decide (the tripwire: Schelling "
       "1966, Arms and Influence). The rule applies to one-way guarantees only (guarantors and beneficiaries): in "
       "a mutual pact (members) each member's own forces are in place on its own territory, so the rule does not "
       "fire there, whether or not allies' forces are stationed. It is satisfied by a reassurance-force clause whose "
       "forces are a guarantor's and are placed in a beneficiary (or one of its subdivisions). Note: Fuhrmann & Sechser 2014 find that stationing nuclear weapons does "
       "not add deterrence beyond alliance; the evidence for conventional tripwires is mixed."},
  };
  return catalogue;
}

const RuleInfo* FindRule(std::string_view name) {
  for (const auto& rule : RuleCatalogue()) {
    if (rule.name == name) {
      return &rule;
    }
  }
  return nullptr;
}

}  // namespace casus
