#include "engine/trust_principals.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "iam/action_catalog.hpp"
#include "iam/allowed_actions.hpp"
#include "iam/ascii_case.hpp"

namespace iacscan::detail::predicates {
namespace {

NamedAccount account_of(const iam::Element& element) {
  if (element.unknown && element.text.empty()) return {NamedAccount::State::unknown, {}};
  return account_named_by(element.text);
}

Truth assumes_role(const iam::Statement& statement) {
  static const std::optional<iam::ActionId> action =
      iam::ActionCatalog::builtin().find("sts:AssumeRole");
  return iam::names_action(iam::statement_actions(statement, iam::ActionCatalog::builtin()),
                           action);
}

bool names_an_account_key(std::string_view key) {
  constexpr std::array<std::string_view, 3> kKeys = {"aws:PrincipalAccount", "aws:SourceAccount",
                                                     "aws:SourceOwner"};
  for (std::string_view k : kKeys)
    if (iam::ascii_iequals(key, k)) return true;
  return false;
}

// Operators whose values are the accounts allowed in; the negated ones name accounts kept out.
bool admits_listed_values(const iam::ConditionOperator& op) {
  return op.base == "StringEquals" || op.base == "StringLike" || op.base == "ArnEquals" ||
         op.base == "ArnLike";
}

}  // namespace

std::vector<AccountMention> accounts_let_in(const iam::Policy& policy) {
  std::vector<AccountMention> out;
  for (const iam::Statement& statement : policy.statements) {
    if (statement.effect == iam::Effect::deny || statement.effect == iam::Effect::missing ||
        statement.effect == iam::Effect::invalid)
      continue;
    const Truth assumes = statement.unknown ? Truth::unknown : assumes_role(statement);
    auto mention = [&](NamedAccount account, const Span& span, bool from_condition) {
      AccountMention m;
      m.account = std::move(account);
      m.span = span.valid() ? span : statement.span;
      m.statement = &statement;
      m.from_condition = from_condition;
      m.assumes_role = assumes;
      out.push_back(std::move(m));
    };
    if (statement.unknown || statement.principal.unknown) {
      mention({NamedAccount::State::unknown, {}}, statement.principal.span, false);
      continue;
    }
    for (const iam::PrincipalBlock::Entry& entry : statement.principal.entries) {
      if (!iam::ascii_iequals(entry.type, "AWS")) continue;
      if (entry.values.unknown) {
        mention({NamedAccount::State::unknown, {}}, entry.values.span, false);
        continue;
      }
      for (const iam::Element& value : entry.values.items) {
        NamedAccount account = account_of(value);
        if (account.state != NamedAccount::State::none)
          mention(std::move(account), value.span, false);
      }
    }
    for (const iam::ConditionClause& clause : statement.condition.clauses) {
      if (!names_an_account_key(clause.key) || !admits_listed_values(clause.op)) continue;
      for (const iam::Element& value : clause.values.items) {
        NamedAccount account = account_of(value);
        if (account.state != NamedAccount::State::none)
          mention(std::move(account), value.span, true);
      }
    }
  }
  return out;
}

std::vector<Span> own_account_values(const Value& document) {
  std::vector<Span> out;
  if (document.is_unknown()) {
    // The reason names the first unknown part: an ARN whose account is unknown first.
    if (document.text().find("${AWS::AccountId} is unknown") != std::string::npos)
      out.push_back(document.span);
    return out;
  }
  for (const Value& item : document.items()) {
    std::vector<Span> inner = own_account_values(item);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  for (const Value::Entry& e : document.entries()) {
    std::vector<Span> inner = own_account_values(e.value);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

bool names_own_account(const AccountMention& m, const std::vector<Span>& own_account) {
  if (m.account.only_account_unknown) return true;
  return m.account.state == NamedAccount::State::unknown &&
         std::find(own_account.begin(), own_account.end(), m.span) != own_account.end();
}

Truth requires_external_id(const iam::Statement& statement) {
  if (statement.unknown || statement.condition.unknown) return Truth::unknown;
  for (const iam::ConditionClause& clause : statement.condition.clauses) {
    if (iam::ascii_iequals(clause.key, "sts:ExternalId") && clause.op.base != "Null")
      return Truth::true_;
  }
  return Truth::false_;
}

}  // namespace iacscan::detail::predicates
