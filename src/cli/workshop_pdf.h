#pragma once

#include "command.h"
#include "gemba/model/project.h"

#include <string>

namespace gemba::cli {

/// `export-plan --format plan-pdf|reviews-pdf`: the action plan or the review report as a PDF
/// (options --group, --today, --page, --portrait). Starts Qt offscreen, as `report` does.
int writeWorkshopPdf(const Args& args, Context& context, const model::Project& project,
                     const std::string& format, const std::string& output);

} // namespace gemba::cli
