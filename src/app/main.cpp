#include "canvas/map_view.h"
#include "editor_document.h"
#include "gemba/render/geometry.h"
#include "gemba/render/theme.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gemba"));
    QApplication::setApplicationName(QStringLiteral("Gemba"));
    QApplication::setApplicationDisplayName(QStringLiteral("Gemba"));
    QApplication::setApplicationVersion(QStringLiteral(GEMBA_VERSION));
    gemba::render::registerFonts();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Draw, measure and improve value stream maps."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A .gemba project to open."));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Open the file, save a picture of the window, and quit."),
        QStringLiteral("png"));
    QCommandLineOption size(QStringLiteral("size"),
                            QApplication::translate("main", "Window size for --screenshot."),
                            QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    QCommandLineOption zoom(
        QStringLiteral("zoom"),
        QApplication::translate("main",
                                "Zoom for --screenshot, in percent, from the map's left edge "
                                "(default: fit to window)."),
        QStringLiteral("percent"));
    QCommandLineOption present(
        QStringLiteral("present"),
        QApplication::translate("main", "With --screenshot: in presentation mode (full screen)."));
    QCommandLineOption serpentine(
        QStringLiteral("serpentine"),
        QApplication::translate("main", "With --screenshot: lay the map out as a serpentine."));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(zoom);
    parser.addOption(present);
    parser.addOption(serpentine);
    parser.process(app);

    gemba::app::MainWindow::Options options;
    options.offerRecovery = !parser.isSet(screenshot);
    gemba::app::MainWindow window(options);
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && !window.openFile(files.front()))
        return parser.isSet(screenshot) ? 2 : 1;

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        window.resize(wh.value(0).toInt(), wh.value(1).toInt());
        window.show();
        if (parser.isSet(present))
            window.setPresenting(true);
        // Laid out once the window has its size: the rows follow the view's shape.
        if (parser.isSet(serpentine))
            QTimer::singleShot(400, &window, [&] {
                if (gemba::app::MapView* view = window.currentView())
                    view->autoLayout(gemba::app::LayoutWrap::ToViewShape);
            });
        // Let the window lay out and fit the map (and lay it out as a serpentine), then zoom
        // and take the picture.
        if (parser.isSet(zoom))
            QTimer::singleShot(600, &window, [&] {
                if (gemba::app::MapView* view = window.currentView()) {
                    view->setZoom(parser.value(zoom).toDouble() / 100.0);
                    const QRectF content =
                        gemba::render::mapBounds(*window.document().map(view->mapId()));
                    const QRectF visible =
                        view->mapToScene(view->viewport()->rect()).boundingRect();
                    view->centerOn(content.left() + visible.width() / 2 - 20,
                                   content.center().y() + 40);
                }
            });
        QTimer::singleShot(1200, &window, [&] {
            const bool ok = window.grab().save(parser.value(screenshot));
            QApplication::exit(ok ? 0 : 3);
        });
        return app.exec();
    }
    window.show();
    return app.exec();
}
