// The closed vocabularies of the instrument language, each with its spelling in instrument files.
// ToString(value) gives the spelling; ParseEnum<E>(text) the value (nullopt when unknown).
#pragma once

#include <string_view>

#include "casus/core/enum_names.hpp"

namespace casus {

//! Statute: a state's own law about another (the Taiwan Relations Act), binding at home, not a promise to it.
enum class Form { Treaty, ExecutiveAgreement, Memorandum, Declaration, Communique, Draft, Proposal, Statute };
enum class Binding { Legal, Political };
enum class Status { InForce, Signed, Terminated, Expired, Draft, Proposal };
enum class ClauseKind {
  CollectiveDefence, Assistance, Consultation, UnAction, Sanctions, ReassuranceForce, Support, Monitoring,
  NonAggression, Neutrality, Assurance
};
enum class EventKind {
  ArmedAttack, ThreatOfArmedAttack, Aggression, HybridAttack, CyberAttack, NuclearAttack, NuclearThreat,
  CeasefireBreach, SecurityThreat, CommitmentsQuestion
};
//! Ordered: a threshold of Significant is met by Significant and FullScale attacks.
enum class Scale { Any, Limited, Significant, FullScale };
enum class DecisionRule { EachParty, Consensus, Unanimity, Majority, TwoThirds, Single, SecurityCouncil, Unstated };
//! Ordered from weakest to strongest (INSTRUMENTS.md: automatic all-means > assist > act > consult > seek UN action).
enum class DutyStrength { None, SeekUnAction, Consult, Act, Assist, AllMeans };
enum class Means {
  ArmedForce, AirProtection, SeaProtection, MilitaryAid, Intelligence, Logistics, Training, Sanctions, Economic,
  Financial, Diplomatic
};
enum class MeansChoice { EachParty, Collective, Decider, Fixed };
//! ceasefire-in-force and settlement-in-force must hold at the incident; ceasefire-entered fires once
//! (a ceasefire has entered into force at some time before, even if it later collapsed);
//! concerted-action-impossible needs a determination that concerted action proved impossible.
enum class ActivationCondition { CeasefireInForce, SettlementInForce, CeasefireEntered, ConcertedActionImpossible };
enum class Renewal { None, MutualAgreement, Automatic, Unstated };

CASUS_ENUM_NAMES(Form, 8, {Form::Treaty, "treaty"}, {Form::ExecutiveAgreement, "executive-agreement"},
                 {Form::Memorandum, "memorandum"}, {Form::Declaration, "declaration"},
                 {Form::Communique, "communique"}, {Form::Draft, "draft"}, {Form::Proposal, "proposal"},
                 {Form::Statute, "statute"})
CASUS_ENUM_NAMES(Binding, 2, {Binding::Legal, "legal"}, {Binding::Political, "political"})
CASUS_ENUM_NAMES(Status, 6, {Status::InForce, "in-force"}, {Status::Signed, "signed"},
                 {Status::Terminated, "terminated"}, {Status::Expired, "expired"}, {Status::Draft, "draft"},
                 {Status::Proposal, "proposal"})
CASUS_ENUM_NAMES(ClauseKind, 11, {ClauseKind::CollectiveDefence, "collective-defence"},
                 {ClauseKind::Assistance, "assistance"}, {ClauseKind::Consultation, "consultation"},
                 {ClauseKind::UnAction, "un-action"}, {ClauseKind::Sanctions, "sanctions"},
                 {ClauseKind::ReassuranceForce, "reassurance-force"}, {ClauseKind::Support, "support"},
                 {ClauseKind::Monitoring, "monitoring"}, {ClauseKind::NonAggression, "non-aggression"},
                 {ClauseKind::Neutrality, "neutrality"}, {ClauseKind::Assurance, "assurance"})
CASUS_ENUM_NAMES(EventKind, 10, {EventKind::ArmedAttack, "armed-attack"},
                 {EventKind::ThreatOfArmedAttack, "threat-of-armed-attack"}, {EventKind::Aggression, "aggression"},
                 {EventKind::HybridAttack, "hybrid-attack"}, {EventKind::CyberAttack, "cyber-attack"},
                 {EventKind::NuclearAttack, "nuclear-attack"}, {EventKind::NuclearThreat, "nuclear-threat"},
                 {EventKind::CeasefireBreach, "ceasefire-breach"}, {EventKind::SecurityThreat, "security-threat"},
                 {EventKind::CommitmentsQuestion, "commitments-question"})
CASUS_ENUM_NAMES(Scale, 4, {Scale::Any, "any"}, {Scale::Limited, "limited"}, {Scale::Significant, "significant"},
                 {Scale::FullScale, "full-scale"})
CASUS_ENUM_NAMES(DecisionRule, 8, {DecisionRule::EachParty, "each-party"}, {DecisionRule::Consensus, "consensus"},
                 {DecisionRule::Unanimity, "unanimity"}, {DecisionRule::Majority, "majority"},
                 {DecisionRule::TwoThirds, "two-thirds"}, {DecisionRule::Single, "single"},
                 {DecisionRule::SecurityCouncil, "security-council"}, {DecisionRule::Unstated, "unstated"})
CASUS_ENUM_NAMES(DutyStrength, 6, {DutyStrength::None, "none"}, {DutyStrength::SeekUnAction, "seek-un-action"},
                 {DutyStrength::Consult, "consult"}, {DutyStrength::Act, "act"}, {DutyStrength::Assist, "assist"},
                 {DutyStrength::AllMeans, "all-means"})
CASUS_ENUM_NAMES(Means, 11, {Means::ArmedForce, "armed-force"}, {Means::AirProtection, "air-protection"},
                 {Means::SeaProtection, "sea-protection"}, {Means::MilitaryAid, "military-aid"},
                 {Means::Intelligence, "intelligence"}, {Means::Logistics, "logistics"}, {Means::Training, "training"},
                 {Means::Sanctions, "sanctions"}, {Means::Economic, "economic"}, {Means::Financial, "financial"},
                 {Means::Diplomatic, "diplomatic"})
CASUS_ENUM_NAMES(MeansChoice, 4, {MeansChoice::EachParty, "each-party"}, {MeansChoice::Collective, "collective"},
                 {MeansChoice::Decider, "decider"}, {MeansChoice::Fixed, "fixed"})
CASUS_ENUM_NAMES(ActivationCondition, 4, {ActivationCondition::CeasefireInForce, "ceasefire-in-force"},
                 {ActivationCondition::SettlementInForce, "settlement-in-force"},
                 {ActivationCondition::CeasefireEntered, "ceasefire-entered"},
                 {ActivationCondition::ConcertedActionImpossible, "concerted-action-impossible"})
CASUS_ENUM_NAMES(Renewal, 4, {Renewal::None, "none"}, {Renewal::MutualAgreement, "mutual-agreement"},
                 {Renewal::Automatic, "automatic"}, {Renewal::Unstated, "unstated"})


//! The duty as a verb phrase: "give all aid and assistance", "assist", "act", "consult", "seek UN Security Council action".
std::string_view DutyVerb(DutyStrength strength);

//! Human-readable phrase for a duty strength ("all the aid and assistance in their power", …).
std::string_view DescribeDutyStrength(DutyStrength strength);

}  // namespace casus
