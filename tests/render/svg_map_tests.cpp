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
#include <algorithm>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
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

/// A data attribute's number equals `value` to the ten significant digits the SVG keeps.
bool sameFigure(const std::string& text, double value) {
    double read = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), read);
    return ec == std::errc() && end == text.data() + text.size() &&
           std::abs(read - value) <= 1e-9 * std::max(1.0, std::abs(value));
}

/// The `data-*` attributes of each element group of an SVG, by the group's id.
std::map<std::string, SvgGroup> groupsOf(const QByteArray& svg) {
    std::map<std::string, SvgGroup> groups;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("g")) {
            const std::string id = xml.attributes().value("id").toString().toStdString();
            if (id.empty())
                continue;
            SvgGroup& group = groups[id];
            for (const QXmlStreamAttribute& a : xml.attributes())
                if (a.name().startsWith(QLatin1String("data-")))
                    group.data[a.name().mid(5).toString().toStdString()] =
                        a.value().toString().toStdString();
        }
    REQUIRE_FALSE(xml.hasError());
    return groups;
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
                    CHECK(sameFigure(group.data.at("process-time-s"), *step.processTime));
                if (m.valid) {
                    CHECK(sameFigure(group.data.at("cycle-time-s"), m.steps.at(id).cycleTime));
                    CHECK(group.data.at("on-path") == (m.steps.at(id).onPath ? "true" : "false"));
                }
            }
            for (const auto& [id, wait] : map.waits) {
                const std::string key = "wait-" + std::to_string(id);
                INFO(key);
                REQUIRE(groups.contains(key));
                CHECK(groups.at(key).classes == "wait " + std::string(model::nameOf(wait.kind)));
                if (wait.quantity)
                    CHECK(sameFigure(groups.at(key).data.at("quantity"), *wait.quantity));
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

TEST_CASE("SVG: figures carry no float noise, and a measured step its percentiles") {
    model::Project project = changeRequests();
    model::Map& map = project.maps.front();
    auto& [id, step] = *map.steps.begin();
    step.processTime = 0.1 + 0.2; // 0.30000000000000004 in a double
    step.leadTime = 1e12;
    model::StepMeasurement measured;
    measured.processTime = model::Distribution{40, 1800, 9000, 12780.5, 14000, 30000, 9500};
    measured.waitBefore = model::Distribution{38, 0, 3600, 7200, 9000, 86400, 4000};
    measured.items = 40;
    step.measurement = measured;
    const std::map<std::string, SvgGroup> groups =
        groupsOf(mapSvg(project, map, metrics::computeMetrics(project, map)));
    const std::map<std::string, std::string>& data = groups.at("step-" + std::to_string(id)).data;
    CHECK(data.at("process-time-s") == "0.3");
    CHECK(data.at("lead-time-s") == "1e+12");
    CHECK(data.at("process-time-p50-s") == "9000");
    CHECK(data.at("process-time-p85-s") == "12780.5");
    CHECK(data.at("process-time-p95-s") == "14000");
    CHECK(data.at("wait-before-p85-s") == "7200");
    CHECK(data.at("measured-items") == "40");
    CHECK_FALSE(data.contains("lead-time-p85-s")); // nothing measured: left out, not 0
    // A step without a measurement has no percentiles.
    const auto& [otherId, other] = *std::next(map.steps.begin());
    CHECK_FALSE(groups.at("step-" + std::to_string(otherId)).data.contains("process-time-p85-s"));
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
