// Text that must fit a box: wrapped by words, a word too long for the box split with a hyphen.

#include "gemba/render/text.h"
#include "gemba/render/theme.h"

#include <QFontMetricsF>
#include <catch2/catch.hpp>

namespace gemba::render::test {

TEST_CASE("A word wider than its box is split with a hyphen between letters, and nothing is lost") {
    const QFont font = theme().font(9);
    const QFontMetricsF metrics(font);
    const QString word = QStringLiteral("Correspondencemanagementworkflow");
    const qreal width = metrics.horizontalAdvance(QStringLiteral("Correspond"));
    const QStringList lines = wrapText(word, font, width, 10);
    REQUIRE(lines.size() >= 3);
    QString joined;
    for (int i = 0; i < lines.size(); ++i) {
        INFO(lines[i].toStdString());
        CHECK(metrics.horizontalAdvance(lines[i]) <= width);
        if (i + 1 < lines.size()) {
            CHECK(lines[i].endsWith(QLatin1Char('-')));
            joined += lines[i].chopped(1);
        } else {
            CHECK_FALSE(lines[i].endsWith(QLatin1Char('-')));
            joined += lines[i];
        }
    }
    CHECK(joined == word);
}

TEST_CASE("A word split beside a digit or a sign gets no hyphen of its own") {
    const QFont font = theme().font(9);
    const QFontMetricsF metrics(font);
    const QString code = QStringLiteral("1234567890/1234567890/1234567890");
    const qreal width = metrics.horizontalAdvance(QStringLiteral("12345678"));
    const QStringList lines = wrapText(code, font, width, 10);
    REQUIRE(lines.size() >= 3);
    CHECK(lines.join(QString()) == code);
}

TEST_CASE("Words that fit are wrapped between words, never split") {
    const QFont font = theme().font(9);
    const QFontMetricsF metrics(font);
    const QString text = QStringLiteral("Approve budget in the ticket");
    const qreal width = metrics.horizontalAdvance(QStringLiteral("Approve budget"));
    const QStringList lines = wrapText(text, font, width, 10);
    CHECK(lines == QStringList{QStringLiteral("Approve budget"), QStringLiteral("in the ticket")});
}

} // namespace gemba::render::test
