// The workshop's PDF documents: the action plan and the review report. They draw with the
// render library, so they start Qt (offscreen) as `report` does.
#include "workshop_pdf.h"

#include "common.h"
#include "gemba/render/export.h"
#include "gemba/render/workshop_report.h"
#include "gui.h"

#include <QDate>
#include <QString>
#include <memory>
#include <ostream>
#include <stdexcept>

namespace gemba::cli {

int writeWorkshopPdf(const Args& args, Context& context, const model::Project& project,
                     const std::string& format, const std::string& output) {
    if (output == "-")
        throw UsageError("a PDF is written to a file: give -o FILE.pdf, not -");
    render::WorkshopOptions options;
    options.document = format == "plan-pdf" ? render::WorkshopDocument::ActionPlan
                                            : render::WorkshopDocument::Reviews;
    if (auto group = args.value("--group")) {
        if (*group == "owner")
            options.grouping = render::PlanGrouping::Owner;
        else if (*group == "status")
            options.grouping = render::PlanGrouping::Status;
        else
            throw UsageError("option --group takes owner or status, not '" + *group + "'");
    }
    if (auto today = args.value("--today")) {
        options.today = QDate::fromString(QString::fromStdString(*today), Qt::ISODate);
        if (!options.today.isValid())
            throw UsageError("option --today takes a date YYYY-MM-DD, not '" + *today + "'");
    }
    if (auto page = args.value("--page")) {
        const auto size = render::pageSizeFromName(QString::fromStdString(*page));
        if (!size)
            throw UsageError("option --page takes A4, A3 or Letter, not '" + *page + "'");
        options.pageSize = *size;
    }
    options.landscape = !args.has("--portrait");
    const auto gui = startGui();
    std::unique_ptr<render::WorkshopReport> report;
    try {
        report = std::make_unique<render::WorkshopReport>(project, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    render::writePdfReport(QString::fromStdString(output), *report);
    context.out << "Wrote " << output << ": " << report->pageCount()
                << (report->pageCount() == 1 ? " page, " : " pages, ")
                << render::pageSizeName(options.pageSize).toStdString()
                << (options.landscape ? " landscape" : " portrait") << "\n";
    return kExitOk;
}

} // namespace gemba::cli
