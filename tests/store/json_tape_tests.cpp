#include "json_tape.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using gemba::store::detail::JsonNode;
using gemba::store::detail::JsonSyntaxError;
using gemba::store::detail::JsonTape;

namespace {

/// Whether nlohmann::json, the interchange's parser, accepts `text`.
bool nlohmannAccepts(const std::string& text) {
    return nlohmann::json::accept(text);
}

} // namespace

TEST_CASE("a JSON tape reads what nlohmann::json reads, value for value", "[store][json]") {
    const char* documents[] = {
        R"({})",
        R"([])",
        R"(  {"a" : [ ] , "b" : { } }  )",
        R"({"id": 17, "text": "Idea 3: remove the copy", "concerns": [4, 5, 6]})",
        R"({"n": -3, "u": 18446744073709551615, "big": 18446744073709551616, "f": 1.5e3,)"
        R"( "neg": -9223372036854775808, "tiny": -0.0, "e": 2E-2})",
        R"({"s": "tab\tquote\"slash\/back\\nl\n\u00e9\u20ac\ud83d\ude00 caf\u00E9", "k\u0041y": 1})",
        R"({"t": true, "f": false, "z": null, "nested": [[1, [2, [3, {"x": [null]}]]]]})",
        "{\"utf8\": \"gr\xC3\xBC\xC3\x9F \xE2\x82\xAC \xF0\x9F\x98\x80\"}",
        R"({"dup": 1, "dup": 2})",
        R"("just text")",
        R"(42)",
        "\r\n\t[1,2]\n",
    };
    JsonTape tape; // one tape for all, as the loader reads its rows
    for (const std::string text : documents) {
        INFO(text);
        REQUIRE(nlohmannAccepts(text));
        const nlohmann::json expected = nlohmann::json::parse(text);
        const JsonNode& node = tape.parse(text);
        CHECK(node.toJson() == expected);
        CHECK(node.type() == expected.type());
        CHECK(node.dump() == expected.dump());
    }
}

TEST_CASE("a JSON tape keeps every decoded string while its text grows", "[store][json]") {
    // Many strings with escapes, between plain ones: the decoded text is reallocated many
    // times while the nodes that refer to it are read.
    nlohmann::json expected = nlohmann::json::object();
    for (int i = 0; i < 2000; ++i) {
        expected["plain " + std::to_string(i)] = "text " + std::to_string(i);
        expected["esc\t" + std::to_string(i)] = "line\n\"" + std::to_string(i) + "\" \u00e9";
    }
    JsonTape tape;
    CHECK(tape.parse(expected.dump()).toJson() == expected);
    CHECK(tape.parse(expected.dump(2)).toJson() == expected);
}

TEST_CASE("a JSON tape refuses what nlohmann::json refuses, saying where", "[store][json]") {
    const char* documents[] = {
        "",
        " ",
        "{",
        "[1, 2",
        "[1, 2,]",
        R"({"a": 1,})",
        R"({"a" 1})",
        R"({a: 1})",
        R"({"a": 1 "b": 2})",
        "[01]",
        "[1.]",
        "[.5]",
        "[-]",
        "[1e]",
        "[+1]",
        "[tru]",
        "[nul]",
        "[True]",
        R"(["unterminated)",
        R"(["bad \x escape"])",
        R"(["\u12"])",
        R"(["\ud83d alone"])",
        R"(["\ude00 low alone"])",
        "[\"raw\ttab\"]",
        "[\"raw\nnewline\"]",
        "[\"\xC3\"]",             // a sequence cut short
        "[\"\xC0\xAF\"]",         // overlong
        "[\"\xED\xA0\x80\"]",     // an encoded surrogate
        "[\"\xF4\x90\x80\x80\"]", // above U+10FFFF
        "[\"\xFF\"]",
        "{} {}",
        "[1] x",
        "/* comment */ {}",
        "[1e999]",
    };
    JsonTape tape;
    for (const std::string text : documents) {
        INFO(text);
        CHECK_FALSE(nlohmannAccepts(text));
        CHECK_THROWS_AS(tape.parse(text), JsonSyntaxError);
    }
    // The message names the byte.
    CHECK_THROWS_WITH(tape.parse(R"({"a": 1 "b": 2})"),
                      "syntax error at byte 9: expected ',' or '}'");
    // A NUL inside the text is refused too.
    CHECK_THROWS_AS(tape.parse(std::string("[1]\0", 4)), JsonSyntaxError);
    // After a refusal the tape reads the next document as new.
    CHECK(tape.parse(R"({"a": [1]})").toJson() == nlohmann::json::parse(R"({"a": [1]})"));
}

TEST_CASE("a JSON tape reads members and elements in order, the last of a repeated key",
          "[store][json]") {
    JsonTape tape;
    const JsonNode& root = tape.parse(R"({"a": [10, {"b": 2}, 30], "c": "x", "c": "y"})");
    REQUIRE(root.is_object());
    CHECK(root.size() == 3);
    const JsonNode* list = root.member("a");
    REQUIRE(list);
    REQUIRE(list->is_array());
    CHECK(list->size() == 3);
    std::vector<std::string> seen;
    list->forEachChild([&](const JsonNode& item) { seen.push_back(item.dump()); });
    CHECK(seen == std::vector<std::string>{"10", "{\"b\":2}", "30"});
    CHECK(root.member("c")->get<std::string>() == "y"); // as nlohmann::json keeps the last
    CHECK(root.member("missing") == nullptr);
    CHECK(list->member("b") == nullptr); // a list has no members
}

TEST_CASE("a JSON tape reads deep nesting without recursion", "[store][json]") {
    const std::size_t depth = 200000; // far deeper than a recursive parser's stack allows
    JsonTape tape;
    const std::string deep = std::string(depth, '[') + std::string(depth, ']');
    const JsonNode& root = tape.parse(deep);
    CHECK(root.is_array());
    CHECK(root.size() == 1);
    CHECK_THROWS_AS(tape.parse(std::string(depth, '[') + std::string(depth - 1, ']')),
                    JsonSyntaxError);
}
