// Rendered maps and report pages against golden images, with a small tolerance for
// anti-aliasing. GEMBA_UPDATE_GOLDEN=1 rewrites the goldens from what is drawn now.

#include "gemba/render/export.h"
#include "gemba/render/report.h"
#include "gemba/render/summary.h"
#include "sample_projects.h"
#include "test_support.h"

#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>
#include <cstdlib>

namespace gemba::render::test {

namespace fs = std::filesystem;

namespace {

/// A pixel differs when a channel moves by more than this (of 255).
constexpr int kPixelThreshold = 48;
/// At most this share of the pixels may differ.
constexpr double kMaxDifferingShare = 0.005;

QString path(const fs::path& file) {
    return QString::fromStdString(file.string());
}

void compareWithGolden(const QImage& drawn, const std::string& name) {
    const fs::path golden = fs::path(GEMBA_GOLDEN_DIR) / (name + ".png");
    const QImage actual = drawn.convertToFormat(QImage::Format_ARGB32);
    if (qEnvironmentVariableIntValue("GEMBA_UPDATE_GOLDEN") == 1) {
        REQUIRE(actual.save(path(golden)));
        WARN("rewrote " << golden.string());
        return;
    }
    const QImage expected = QImage(path(golden)).convertToFormat(QImage::Format_ARGB32);
    INFO("golden " << golden.string() << " (GEMBA_UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(!expected.isNull());
    const fs::path folder = fs::path(GEMBA_RENDER_OUT) / "golden";
    fs::create_directories(folder);
    const fs::path actualFile = folder / (name + "-actual.png");
    const fs::path diffFile = folder / (name + "-diff.png");
    if (expected.size() != actual.size()) {
        actual.save(path(actualFile));
        FAIL("size " << actual.width() << "x" << actual.height() << ", golden " << expected.width()
                     << "x" << expected.height() << "; drawn: " << actualFile.string());
    }
    QImage diff(actual.size(), QImage::Format_ARGB32);
    diff.fill(Qt::white);
    long differing = 0;
    for (int y = 0; y < actual.height(); ++y) {
        const auto* a = reinterpret_cast<const QRgb*>(actual.constScanLine(y));
        const auto* e = reinterpret_cast<const QRgb*>(expected.constScanLine(y));
        for (int x = 0; x < actual.width(); ++x) {
            const int delta = std::max(
                {std::abs(qRed(a[x]) - qRed(e[x])), std::abs(qGreen(a[x]) - qGreen(e[x])),
                 std::abs(qBlue(a[x]) - qBlue(e[x])), std::abs(qAlpha(a[x]) - qAlpha(e[x]))});
            if (delta > kPixelThreshold) {
                ++differing;
                diff.setPixel(x, y, qRgb(220, 0, 0));
            } else if (qGray(e[x]) < 200) {
                diff.setPixel(x, y, qRgb(210, 210, 210)); // the golden, faint, for orientation
            }
        }
    }
    const double share =
        static_cast<double>(differing) / (static_cast<double>(actual.width()) * actual.height());
    if (share > kMaxDifferingShare) {
        actual.save(path(actualFile));
        diff.save(path(diffFile));
    }
    INFO(differing << " pixels differ (" << share * 100 << "%); drawn: " << actualFile.string()
                   << ", differences in red: " << diffFile.string());
    CHECK(share <= kMaxDifferingShare);
}

} // namespace

TEST_CASE("The map picture matches its golden image") {
    const model::Project project = changeRequests();
    ImageOptions options;
    options.dpi = 48;
    compareWithGolden(renderMapImage(project, project.maps.front(), options),
                      "change-requests-map");
    compareWithGolden(renderMapImage(project, project.maps.back(), options),
                      "change-requests-future-map");
}

TEST_CASE("The report's map page matches its golden image") {
    const model::Project project = changeRequests();
    ReportOptions options;
    options.date = "2024-05-06";
    compareWithGolden(pageImage(Report(project, project.maps.front(), options), 0),
                      "change-requests-report-page1");
}

TEST_CASE("A 60-step stream's map page, wrapped onto rows, matches its golden image") {
    const model::Project project = longStream(60);
    ReportOptions options;
    options.date = "2024-05-06";
    compareWithGolden(pageImage(Report(project, project.maps.front(), options), 0),
                      "long-stream-60-report-page1");
}

TEST_CASE("The one-page summary matches its golden image") {
    SummaryOptions options;
    options.date = "2024-05-06";
    compareWithGolden(pageImage(SummaryReport(changeRequests(), options), 0),
                      "change-requests-summary");
}

} // namespace gemba::render::test
