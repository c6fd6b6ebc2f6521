// The action plan, the review report and the portfolio as PDF documents.
#include "pdf_documents.h"

#include "common.h"
#include "gemba/render/export.h"
#include "gemba/render/portfolio_report.h"
#include "gemba/render/workshop_report.h"
#include "gui.h"

#include <QDate>
#include <QString>
#include <memory>
#include <ostream>
#include <stdexcept>

namespace gemba::cli {

namespace {

/// The options every PDF document takes: the date taken as today, the paper and its side.
struct PageOptions {
    QDate today;
    render::PageSize pageSize = render::PageSize::A4;
    bool landscape = true;
};

PageOptions pageOptions(const Args& args) {
    PageOptions options;
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
    return options;
}

void checkPdfOutput(const std::string& output, const std::string& option) {
    if (output == "-")
        throw UsageError("a PDF is written to a file: give " + option + " FILE.pdf, not -");
}

/// Writes the document `make` lays out (it may refuse the options) and says what it wrote.
template <class Make>
int writeDocument(Context& context, const std::string& output, const PageOptions& page, Make make) {
    const auto gui = startGui();
    std::unique_ptr<render::PagedDocument> document;
    try {
        document = make();
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    render::writePdfReport(QString::fromStdString(output), *document);
    context.out << "Wrote " << output << ": " << document->pageCount()
                << (document->pageCount() == 1 ? " page, " : " pages, ")
                << render::pageSizeName(page.pageSize).toStdString()
                << (page.landscape ? " landscape" : " portrait") << "\n";
    return kExitOk;
}

} // namespace

int writeWorkshopPdf(const Args& args, Context& context, const model::Project& project,
                     const std::string& format, const std::string& output) {
    checkPdfOutput(output, "-o");
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
    const PageOptions page = pageOptions(args);
    options.today = page.today;
    options.pageSize = page.pageSize;
    options.landscape = page.landscape;
    return writeDocument(context, output, page, [&] {
        return std::make_unique<render::WorkshopReport>(project, options);
    });
}

int writePortfolioPdf(const Args& args, Context& context, metrics::Portfolio portfolio,
                      const std::string& where, const std::string& output) {
    checkPdfOutput(output, "--pdf");
    const PageOptions page = pageOptions(args);
    render::PortfolioReportOptions options;
    options.where = QString::fromStdString(where);
    options.today = page.today;
    options.pageSize = page.pageSize;
    options.landscape = page.landscape;
    return writeDocument(context, output, page, [&] {
        return std::make_unique<render::PortfolioReport>(std::move(portfolio), options);
    });
}

} // namespace gemba::cli
