#include "simulation_common.h"

#include "findings.h"

#include <algorithm>
#include <numeric>

namespace gemba::metrics {

std::optional<Distribution> distributionFromText(std::string_view text) {
    if (text == "triangular")
        return Distribution::Triangular;
    if (text == "pert")
        return Distribution::Pert;
    return std::nullopt;
}

std::string_view distributionName(Distribution distribution) {
    return distribution == Distribution::Pert ? "pert" : "triangular";
}

} // namespace gemba::metrics

namespace gemba::metrics::detail {

namespace {

// The PERT table: the beta distribution function at kCdfPoints evenly spaced points of the
// range. 2,048 intervals keep the interpolated mean within 1e-5 of the range of the exact one.
constexpr int kCdfIntervals = 2048;

} // namespace

ThreePoint::ThreePoint(double min, double typical, double max, Distribution distribution)
    : m_min(std::min(min, typical))
    , m_typical(typical)
    , m_max(std::max(max, typical))
    , m_distribution(distribution) {
    if (!varies()) {
        m_mean = typical;
        return;
    }
    const double range = m_max - m_min;
    if (distribution == Distribution::Triangular) {
        m_mean = (m_min + m_typical + m_max) / 3;
        return;
    }
    m_mean = (m_min + 4 * m_typical + m_max) / 6;
    // Beta(alpha, beta) on [min, max] with the mode at typical; alpha, beta in [1, 5].
    const double alpha = 1 + 4 * (m_typical - m_min) / range;
    const double beta = 1 + 4 * (m_max - m_typical) / range;
    const auto density = [&](double x) {
        return std::pow(x, alpha - 1) * std::pow(1 - x, beta - 1);
    };
    m_inverse.resize(kCdfIntervals + 1);
    m_inverse[0] = 0;
    double previous = density(0);
    for (int i = 1; i <= kCdfIntervals; ++i) {
        const double x = static_cast<double>(i) / kCdfIntervals;
        const double mid = density(x - 0.5 / kCdfIntervals);
        const double here = density(x);
        // Simpson's rule on each interval.
        m_inverse[i] = m_inverse[i - 1] + (previous + 4 * mid + here) / (6.0 * kCdfIntervals);
        previous = here;
    }
    const double total = m_inverse.back();
    for (double& value : m_inverse)
        value /= total;
}

double ThreePoint::at(double u) const {
    if (!varies())
        return m_typical;
    const double range = m_max - m_min;
    if (m_distribution == Distribution::Triangular) {
        // The inverse of the triangular distribution function.
        const double split = (m_typical - m_min) / range;
        if (u < split)
            return m_min + std::sqrt(u * range * (m_typical - m_min));
        return m_max - std::sqrt((1 - u) * range * (m_max - m_typical));
    }
    // m_inverse holds F at evenly spaced x: find the interval holding u and interpolate.
    const auto it = std::upper_bound(m_inverse.begin(), m_inverse.end(), u);
    const int i = std::clamp(static_cast<int>(it - m_inverse.begin()) - 1, 0, kCdfIntervals - 1);
    const double f0 = m_inverse[i];
    const double f1 = m_inverse[i + 1];
    const double t = f1 > f0 ? (u - f0) / (f1 - f0) : 0;
    return m_min + range * (i + std::clamp(t, 0.0, 1.0)) / kCdfIntervals;
}

SimGraph buildSimGraph(const model::Project& project, const model::Map& map,
                       Distribution distribution) {
    SimGraph g;
    Reporter report(project, map, g.findings);
    g.vs = analyse(report);
    if (!g.vs.solved)
        return g;
    const ValueStream& vs = g.vs;
    const int n = vs.nodeCount();
    g.work.resize(n);
    g.extra.assign(n, 0);
    for (int v = 0; v < n; ++v) {
        if (const model::Step* step = vs.nodes[v].step) {
            const double pt = vs.pt[v];
            g.work[v] = ThreePoint(step->processTimeMin.value_or(pt), pt,
                                   step->processTimeMax.value_or(pt), distribution);
            g.extra[v] = vs.lt[v] - pt;
        } else if (const model::Wait* wait = vs.nodes[v].wait;
                   wait && wait->kind == model::WaitKind::Time) {
            // A time wait with a range is drawn like a process time.
            const double typical = vs.lt[v];
            g.work[v] = ThreePoint(wait->timeMin.value_or(typical), typical,
                                   wait->timeMax.value_or(typical), distribution);
        } else {
            g.work[v] = ThreePoint(0, 0, 0, distribution);
            g.extra[v] = vs.lt[v];
        }
    }
    g.joins = joinPoints(vs, false);
    for (int s : vs.starts)
        if (vs.live[s])
            g.liveStarts.push_back(s);
    g.deterministic = vs.start == kNoNode ? 0 : vs.expected[vs.start];
    g.secondsPerDay = project.props.calendar.secondsPerDay();
    g.demandPerDay = map.demandPerDay(project.props.calendar).value_or(0);
    if (map.props.availableTimePerDay && *map.props.availableTimePerDay > 0 &&
        *map.props.availableTimePerDay < g.secondsPerDay)
        g.availableStretch = g.secondsPerDay / *map.props.availableTimePerDay;
    return g;
}

SampleSummary summarise(std::vector<double>& values, int bins) {
    SampleSummary s;
    s.count = static_cast<long long>(values.size());
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const double n = static_cast<double>(values.size());
    // Summed in sorted order: the same values give the same mean whatever order they came in.
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    s.mean = sum / n;
    double squares = 0;
    for (double x : values)
        squares += (x - s.mean) * (x - s.mean);
    s.stddev = values.size() > 1 ? std::sqrt(squares / (n - 1)) : 0;
    s.meanHalfWidth = 1.96 * s.stddev / std::sqrt(n);
    s.min = values.front();
    s.max = values.back();
    // Nearest-rank percentiles: the smallest value with at least p of the sample at or below.
    const auto rank = [&](double p) {
        const auto k = static_cast<std::size_t>(std::ceil(p * n));
        return values[std::clamp<std::size_t>(k, 1, values.size()) - 1];
    };
    s.p50 = rank(0.50);
    s.p85 = rank(0.85);
    s.p95 = rank(0.95);
    if (s.max == s.min)
        bins = std::min(bins, 1); // every value is the same: one bar
    if (bins > 0) {
        const double width = s.max > s.min ? (s.max - s.min) / bins : 1;
        s.histogram.resize(bins);
        for (int b = 0; b < bins; ++b) {
            s.histogram[b].from = s.min + b * width;
            s.histogram[b].to = s.min + (b + 1) * width;
        }
        for (double x : values) {
            const int b = std::min(bins - 1, static_cast<int>((x - s.min) / width));
            ++s.histogram[b].count;
        }
    }
    return s;
}

} // namespace gemba::metrics::detail
