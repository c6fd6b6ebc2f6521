#pragma once

#include "command.h"
#include "gemba/metrics/portfolio.h"
#include "gemba/model/project.h"

#include <string>

/// The PDF documents besides the map report: the action plan, the review report and the
/// portfolio. They draw with the render library, so they start Qt (offscreen) as `report` does,
/// and share the page options --today, --page and --portrait.
namespace gemba::cli {

/// `export-plan --format plan-pdf|reviews-pdf`: the action plan or the review report (option
/// --group besides the page options).
int writeWorkshopPdf(const Args& args, Context& context, const model::Project& project,
                     const std::string& format, const std::string& output);

/// `portfolio ... --pdf FILE`: the portfolio of the streams read from `where`.
int writePortfolioPdf(const Args& args, Context& context, metrics::Portfolio portfolio,
                      const std::string& where, const std::string& output);

} // namespace gemba::cli
