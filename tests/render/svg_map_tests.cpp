// The SVG for other tools (a group per element with its id, class and figures) and the PNG's
// title, for every sample and example map.

#include "gemba/metrics/metrics.h"
#include "gemba/model/names.h"
#include "gemba/render/export.h"
#include "gemba/render/svg_map.h"
#include "sample_projects.h"
#include "test_support.h"

#include <QImage>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <charconv>
#include <map>
#include <set>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

/// A group of the SVG that names an element, and how many shapes it holds.
struct SvgGroup {
    std::string classes;
    std::map<std::string, std::string> data;
    int shapes = 0;
};

std::string exact(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace

TEST_CASE("SVG: each element is a group with a stable id, its kind and its figures") {
    for (const NamedProject& named : exportedProjects()) {
        const model::Project& project = named.project;
        for (const model::Map& map : project.maps) {
            INFO(named.name << ": " << map.props.name);
            const metrics::MapMetrics m = metrics::computeMetrics(project, map);
            const QByteArray svg = mapSvg(project, map, m);
            QXmlStreamReader xml(svg);
            std::map<std::string, SvgGroup> groups;
            std::vector<std::string> open; // the element groups the reader is inside
            int titles = 0;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement()) {
                    const QString name = xml.name().toString();
                    if (name == QLatin1String("title"))
                        ++titles;
                    if (name == QLatin1String("g")) {
                        const std::string id =
                            xml.attributes().value("id").toString().toStdString();
                        if (!id.empty()) {
                            SvgGroup group;
                            group.classes =
                                xml.attributes().value("class").toString().toStdString();
                            for (const QXmlStreamAttribute& a : xml.attributes())
                                if (a.name().startsWith(QLatin1String("data-")))
                                    group.data[a.name().mid(5).toString().toStdString()] =
                                        a.value().toString().toStdString();
                            CHECK(groups.emplace(id, group).second); // ids are unique
                        }
                        open.push_back(id);
                    } else if (!open.empty()) {
                        for (auto it = open.rbegin(); it != open.rend(); ++it)
                            if (!it->empty()) {
                                ++groups[*it].shapes;
                                break;
                            }
                    }
                }
                if (xml.isEndElement() && xml.name() == QLatin1String("g"))
                    open.pop_back();
            }
            INFO(xml.errorString().toStdString());
            REQUIRE_FALSE(xml.hasError());
            CHECK(titles == 1);
            for (const auto& [id, group] : groups) {
                INFO(id);
                CHECK(group.shapes > 0); // no empty groups
            }
            for (const auto& [id, step] : map.steps) {
                const std::string key = "step-" + std::to_string(id);
                INFO(key);
                REQUIRE(groups.contains(key));
                const SvgGroup& group = groups.at(key);
                CHECK(group.classes.starts_with("step"));
                CHECK(group.data.at("name") == step.name);
                if (step.processTime)
                    CHECK(group.data.at("process-time-s") == exact(*step.processTime));
                if (m.valid) {
                    CHECK(group.data.at("cycle-time-s") == exact(m.steps.at(id).cycleTime));
                    CHECK(group.data.at("on-path") == (m.steps.at(id).onPath ? "true" : "false"));
                }
            }
            for (const auto& [id, wait] : map.waits) {
                const std::string key = "wait-" + std::to_string(id);
                INFO(key);
                REQUIRE(groups.contains(key));
                CHECK(groups.at(key).classes == "wait " + std::string(model::nameOf(wait.kind)));
                if (wait.quantity)
                    CHECK(groups.at(key).data.at("quantity") == exact(*wait.quantity));
            }
            for (const auto& [id, flow] : map.flows) {
                const std::string key = "flow-" + std::to_string(id);
                if (!groups.contains(key))
                    continue; // a flow drawn as nothing (its ends overlap) has no group
                CHECK(groups.at(key).data.at("from").ends_with("-" + std::to_string(flow.from)));
                CHECK(groups.at(key).data.at("to").ends_with("-" + std::to_string(flow.to)));
            }
            for (const auto& [id, party] : map.parties)
                CHECK(groups.contains(
                    std::string(model::nameOf(party.kind == model::PartyKind::Supplier
                                                  ? model::ElementKind::Supplier
                                                  : model::ElementKind::Customer)) +
                    "-" + std::to_string(id)));
        }
    }
}

TEST_CASE("PNG: the file carries the map's title in its metadata") {
    const fs::path folder = outputFolder("png-title");
    const std::vector<NamedProject> projects = exportedProjects();
    const NamedProject& named = projects.front();
    const model::Map& map = named.project.maps.front();
    const fs::path png = folder / "titled.png";
    writePng(QString::fromStdString(png.string()), named.project, map, {});
    const QImage image(QString::fromStdString(png.string()));
    REQUIRE_FALSE(image.isNull());
    CHECK(image.text(QStringLiteral("Title")).toStdString() ==
          named.project.props.name + " — " + map.props.name);
    CHECK(image.text(QStringLiteral("Software")).startsWith(QLatin1String("Gemba ")));
}

} // namespace gemba::render::test
