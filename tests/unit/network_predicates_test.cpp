// Network predicates: CIDR parsing and coverage, port ranges per protocol, unknowns, and how
// they point at the offending entry when a rule calls them inside `some`.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "engine/condition.hpp"
#include "engine/condition_parser.hpp"
#include "engine/network_predicates.hpp"
#include "graph/resource.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

Value str(const char* s, std::uint32_t line = 0) {
  Span span;
  if (line != 0) {
    span.file = 0;
    span.range = {line, 1, line, 10};
  }
  return Value::string(s, span);
}

Value num(double n) {
  return Value::number(n, std::to_string(static_cast<long>(n)));
}

Value list(Value::List items) {
  return Value::list(std::move(items));
}

Value map(std::initializer_list<std::pair<const char*, Value>> entries) {
  Value m = Value::map({});
  for (const auto& [k, v] : entries) m.set(k, v);
  return m;
}

const Value kOpenWorldArgs = map({{"cidrs", list({str("cidr_ipv4"), str("cidr_ipv6")})}});

Outcome open_world(const Value& subject) {
  const Resource resource;
  return cidr_open_world(PredicateInput{resource, subject, kOpenWorldArgs});
}

Value port_args(Value ports, const char* key = "ports") {
  return map({{"protocol", str("protocol")},
              {"from", str("from_port")},
              {"to", str("to_port")},
              {key, std::move(ports)}});
}

const Value kAdminPorts = port_args(list({num(22), num(3389), num(5432)}));
const Value kWebExcepted = port_args(list({num(80), num(443)}), "except");

Truth covers(const Value& subject, const Value& args = kAdminPorts) {
  const Resource resource;
  return port_range_covers(PredicateInput{resource, subject, args}).truth;
}

Value rule(Value protocol, Value from, Value to) {
  return map({{"protocol", std::move(protocol)},
              {"from_port", std::move(from)},
              {"to_port", std::move(to)}});
}

}  // namespace

TEST_CASE("parse_cidr reads IPv4 and IPv6 blocks and refuses anything else") {
  auto v4 = parse_cidr("10.1.2.3/8");
  REQUIRE(v4);
  CHECK_FALSE(v4->ipv6);
  CHECK(v4->prefix_length == 8);
  CHECK(v4->first[0] == 10);
  CHECK(v4->first[1] == 0);
  CHECK(v4->last[1] == 255);
  CHECK(v4->last[3] == 255);

  auto v6 = parse_cidr("2001:db8::/32");
  REQUIRE(v6);
  CHECK(v6->ipv6);
  CHECK(v6->first[0] == 0x20);
  CHECK(v6->first[3] == 0xb8);
  CHECK(v6->first[4] == 0);
  CHECK(v6->last[4] == 0xff);
  CHECK(v6->last[15] == 0xff);

  CHECK(parse_cidr("::/0"));
  CHECK(parse_cidr("::ffff:10.0.0.0/104"));
  CHECK(parse_cidr("1:2:3:4:5:6:7:8/128"));
  CHECK_FALSE(parse_cidr("10.0.0.0"));
  CHECK_FALSE(parse_cidr("10.0.0/8"));
  CHECK_FALSE(parse_cidr("256.0.0.0/8"));
  CHECK_FALSE(parse_cidr("10.0.0.0/33"));
  CHECK_FALSE(parse_cidr("10.0.0.0/-1"));
  CHECK_FALSE(parse_cidr("1::2::3/64"));
  CHECK_FALSE(parse_cidr("1:2:3:4:5:6:7:8:9/64"));
  CHECK_FALSE(parse_cidr("fffff::/16"));
  CHECK_FALSE(parse_cidr("-1::/64"));
  CHECK_FALSE(parse_cidr("1.2.3.4::/64"));
  CHECK_FALSE(parse_cidr("my-ip/32"));
  CHECK_FALSE(parse_cidr(""));
}

TEST_CASE("cidr-open-world: prefix length 0 in either family, strings or lists") {
  CHECK(open_world(map({{"cidr_ipv4", str("0.0.0.0/0")}})).truth == Truth::true_);
  CHECK(open_world(map({{"cidr_ipv6", str("::/0")}})).truth == Truth::true_);
  CHECK(open_world(map({{"cidr_ipv4", list({str("10.0.0.0/8"), str("0.0.0.0/0")})}})).truth ==
        Truth::true_);
  // Host bits set do not narrow a /0.
  CHECK(open_world(map({{"cidr_ipv4", str("10.0.0.0/0")}})).truth == Truth::true_);
  CHECK(open_world(map({{"cidr_ipv4", str("10.0.0.0/8")}})).truth == Truth::false_);
  CHECK(open_world(map({{"cidr_ipv6", str("2000::/3")}})).truth == Truth::false_);
  CHECK(open_world(map({})).truth == Truth::false_);
  CHECK(open_world(map({{"cidr_ipv4", str("not a cidr")}})).truth == Truth::false_);
}

TEST_CASE("cidr-open-world: blocks that together cover a family count as the whole internet") {
  CHECK(open_world(map({{"cidr_ipv4", list({str("128.0.0.0/1"), str("0.0.0.0/1")})}})).truth ==
        Truth::true_);
  CHECK(open_world(
            map({{"cidr_ipv4", list({str("0.0.0.0/2"), str("64.0.0.0/2"), str("128.0.0.0/1")})}}))
            .truth == Truth::true_);
  CHECK(open_world(map({{"cidr_ipv6", list({str("::/1"), str("8000::/1")})}})).truth ==
        Truth::true_);
  // A gap, or halves of different families, is not the whole internet.
  CHECK(open_world(map({{"cidr_ipv4", list({str("0.0.0.0/1"), str("128.0.0.0/2")})}})).truth ==
        Truth::false_);
  CHECK(open_world(map({{"cidr_ipv4", str("0.0.0.0/1")}, {"cidr_ipv6", str("8000::/1")}})).truth ==
        Truth::false_);
}

TEST_CASE("cidr-open-world: an unknown CIDR is unknown unless a known one decides") {
  const Value unknown = Value::unknown("var.cidrs");
  CHECK(open_world(map({{"cidr_ipv4", unknown}})).truth == Truth::unknown);
  CHECK(open_world(map({{"cidr_ipv4", list({str("10.0.0.0/8"), unknown})}})).truth ==
        Truth::unknown);
  CHECK(open_world(map({{"cidr_ipv4", unknown}, {"cidr_ipv6", str("::/0")}})).truth ==
        Truth::true_);
}

TEST_CASE("cidr-open-world points at the open CIDR and names its attribute") {
  const Value subject = map({{"cidr_ipv4", list({str("10.0.0.0/8", 3), str("0.0.0.0/0", 4)})}});
  Outcome o = open_world(subject);
  REQUIRE(o.truth == Truth::true_);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->text() == "0.0.0.0/0");
  CHECK(o.witness->span.range.start_line == 4);
  CHECK(o.attribute == "cidr_ipv4");
}

TEST_CASE("port-range-covers: tcp and udp ranges, every port for -1 and all") {
  CHECK(covers(rule(str("tcp"), num(22), num(22))) == Truth::true_);
  CHECK(covers(rule(str("tcp"), num(0), num(65535))) == Truth::true_);
  CHECK(covers(rule(str("udp"), num(3000), num(4000))) == Truth::true_);
  CHECK(covers(rule(str("6"), str("5432"), str("5432"))) == Truth::true_);
  CHECK(covers(rule(str("TCP"), num(20), num(23))) == Truth::true_);
  CHECK(covers(rule(str("tcp"), num(23), num(3388))) == Truth::false_);
  CHECK(covers(rule(str("tcp"), num(8080), num(8080))) == Truth::false_);
  CHECK(covers(rule(str("-1"), num(0), num(0))) == Truth::true_);
  CHECK(covers(rule(num(-1), num(0), num(0))) == Truth::true_);
  CHECK(covers(rule(str("all"), num(8080), num(8080))) == Truth::true_);
  // -1 needs no ports at all (aws_vpc_security_group_ingress_rule omits them).
  CHECK(covers(map({{"protocol", str("-1")}})) == Truth::true_);
}

TEST_CASE("port-range-covers: ICMP and other protocols cover no port; bad ranges let nothing in") {
  CHECK(covers(rule(str("icmp"), num(-1), num(-1))) == Truth::false_);
  CHECK(covers(rule(str("icmpv6"), num(22), num(22))) == Truth::false_);
  CHECK(covers(rule(str("1"), num(0), num(65535))) == Truth::false_);
  CHECK(covers(rule(str("50"), num(0), num(65535))) == Truth::false_);
  CHECK(covers(rule(str("tcp"), num(3389), num(22))) == Truth::false_);
  CHECK(covers(rule(str("tcp"), num(-1), num(-1))) == Truth::false_);
  CHECK(covers(rule(str("tcp"), str("ssh"), num(22))) == Truth::false_);
  CHECK(covers(map({{"protocol", str("tcp")}, {"from_port", num(22)}})) == Truth::false_);
  CHECK(covers(map({})) == Truth::false_);
}

TEST_CASE("port-range-covers: unknown protocol or port is unknown unless the protocol decides") {
  const Value unknown = Value::unknown("var.port");
  CHECK(covers(rule(unknown, num(22), num(22))) == Truth::unknown);
  CHECK(covers(rule(str("tcp"), unknown, num(22))) == Truth::unknown);
  CHECK(covers(rule(str("tcp"), num(22), unknown)) == Truth::unknown);
  CHECK(covers(rule(str("-1"), unknown, unknown)) == Truth::true_);
  CHECK(covers(rule(str("icmp"), unknown, unknown)) == Truth::false_);
}

TEST_CASE("port-range-covers with except: some port outside the list") {
  CHECK(covers(rule(str("tcp"), num(443), num(443)), kWebExcepted) == Truth::false_);
  CHECK(covers(rule(str("tcp"), num(80), num(80)), kWebExcepted) == Truth::false_);
  CHECK(covers(rule(str("tcp"), num(8080), num(8080)), kWebExcepted) == Truth::true_);
  CHECK(covers(rule(str("tcp"), num(80), num(443)), kWebExcepted) == Truth::true_);
  CHECK(covers(rule(str("tcp"), num(79), num(80)), kWebExcepted) == Truth::true_);
  CHECK(covers(rule(str("-1"), num(0), num(0)), kWebExcepted) == Truth::true_);
  CHECK(covers(rule(str("icmp"), num(8), num(0)), kWebExcepted) == Truth::false_);
}

TEST_CASE("argument checks name what is wrong") {
  CHECK(cidr_open_world_arguments(kOpenWorldArgs).empty());
  CHECK_FALSE(cidr_open_world_arguments(map({})).empty());
  CHECK_FALSE(cidr_open_world_arguments(map({{"cidrs", str("cidr_ipv4")}})).empty());
  CHECK_FALSE(cidr_open_world_arguments(map({{"cidrs", list({})}})).empty());
  CHECK_FALSE(
      cidr_open_world_arguments(map({{"cidrs", list({str("a")})}, {"extra", str("b")}})).empty());

  CHECK(port_range_covers_arguments(kAdminPorts).empty());
  CHECK(port_range_covers_arguments(kWebExcepted).empty());
  Value both = kAdminPorts;
  both.set("except", list({num(80)}));
  CHECK_FALSE(port_range_covers_arguments(both).empty());
  CHECK_FALSE(port_range_covers_arguments(port_args(list({num(70000)}))).empty());
  CHECK_FALSE(port_range_covers_arguments(port_args(list({}))).empty());
  CHECK_FALSE(port_range_covers_arguments(map({{"protocol", str("p")}, {"ports", list({num(22)})}}))
                  .empty());
}

TEST_CASE("inside some, the predicates judge each entry and point at its open CIDR") {
  const Condition c = parse_condition(YAML::Load(R"(
some:
  attribute: ingress
  where:
    all:
      - builtin: cidr-open-world
        with: {cidrs: [cidr_ipv4, cidr_ipv6]}
      - builtin: port-range-covers
        with: {protocol: protocol, from: from_port, to: to_port, ports: [22]}
)"));
  Value closed = rule(str("tcp"), num(22), num(22));
  closed.set("cidr_ipv4", list({str("10.0.0.0/8", 5)}));
  Value web = rule(str("tcp"), num(443), num(443));
  web.set("cidr_ipv4", list({str("0.0.0.0/0", 9)}));
  Value ssh = rule(str("tcp"), num(22), num(22));
  ssh.set("cidr_ipv6", list({str("::/0", 14)}));
  const Resource resource;

  const Value group = map({{"ingress", list({closed, web, ssh})}});
  Outcome o = evaluate(c, group, &resource);
  REQUIRE(o.truth == Truth::true_);
  REQUIRE(o.witness != nullptr);
  CHECK(o.witness->span.range.start_line == 14);
  CHECK(o.attribute == "ingress[].cidr_ipv6");

  CHECK(evaluate(c, map({{"ingress", list({closed, web})}}), &resource).truth == Truth::false_);
  Value unknown_port = rule(str("tcp"), Value::unknown("var.port"), num(22));
  unknown_port.set("cidr_ipv4", str("0.0.0.0/0"));
  CHECK(evaluate(c, map({{"ingress", list({web, unknown_port})}}), &resource).truth ==
        Truth::unknown);
}
