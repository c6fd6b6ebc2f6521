#pragma once

#include "findings.h"

#include <utility>
#include <vector>

/// The value stream of a map as a dense graph (indices and vectors, no per-node maps), and
/// everything worked out on it: expected lead times, the critical path, visits, labour, the
/// path order and the rolled %C&A. Formulas and conventions: docs/metrics.md.
namespace gemba::metrics::detail {

inline constexpr int kNoNode = -1;

/// A node of the path: a step, a wait, a supplier or a customer.
struct PathNode {
    model::Id id = model::kNoId;
    model::ElementKind kind = model::ElementKind::Step;
    const model::Step* step = nullptr;   ///< set for steps
    const model::Wait* wait = nullptr;   ///< set for waits
    const model::Party* party = nullptr; ///< set for suppliers and customers
};

/// A flow that carries work between two path nodes.
struct PathEdge {
    int from = kNoNode;
    int to = kNoNode;
    model::Id flow = model::kNoId;
    bool hasShare = false;
    double share = 0; ///< 0-1; 0 when the flow has none
    double wait = 0;  ///< seconds; 0 when the flow has none
};

/// Strongly connected components, numbered in reverse topological order (a component is
/// numbered before every component that leads to it).
struct Components {
    std::vector<int> of;      ///< component of each node (kNoNode: not visited)
    std::vector<int> begin;   ///< members of component c: nodes[begin[c] .. begin[c + 1])
    std::vector<int> nodes;   ///< members, latest discovered first
    std::vector<char> cyclic; ///< more than one member, or a flow from the member to itself
    int count() const { return static_cast<int>(cyclic.size()); }
};

/// The analysed value stream of one map. The graph part is always filled; the solution
/// (from `expected` on) only when `solved` is true, that is when the map has no errors.
struct ValueStream {
    /// Steps, then waits, then parties, each in id order: the steps are nodes 0 .. S - 1.
    std::vector<PathNode> nodes;
    std::vector<int> stepNodes; ///< the nodes of the map's steps, in id order (every step)
    std::vector<int> lookup;    ///< node of id lookupBase + i, when ids are dense enough
    model::Id lookupBase = model::kNoId;
    std::vector<std::pair<model::Id, int>> sortedIds; ///< (id, node) otherwise, ascending
    std::vector<PathEdge> edges;                      ///< in flow id order
    std::vector<int> outBegin; ///< out-edges of v: outEdges[outBegin[v] .. outBegin[v + 1])
    std::vector<int> outEdges; ///< edge indices, in flow id order per node
    std::vector<int> outTo;    ///< beside outEdges: the node each edge goes to
    std::vector<int> inBegin;
    std::vector<int> inEdges;
    std::vector<int> inFrom; ///< beside inEdges: the node each edge comes from
    std::vector<double> pt;  ///< process time (steps; 0 for the rest)
    std::vector<double> lt;  ///< time a node adds: step LT, wait or inventory time, 0 for parties
    std::vector<double> ct;  ///< cycle time (steps; 0 for the rest)
    // What the figures need from each step, read in the one walk through the steps (a
    // step is hundreds of bytes: every extra walk costs a cache miss per step).
    std::vector<int> roleOf;        ///< per node: index in roles, kNoNode without a role
    std::vector<std::string> roles; ///< distinct roles, trimmed, first spelling in id order
    std::vector<double> pca;        ///< per node: %C&A as a fraction, 1 when not given
    std::vector<char> valueAdding;  ///< per node: a value-adding step
    std::vector<model::Id> people;  ///< assigned to the steps and known, ascending
    std::vector<model::Id> systems; ///< likewise
    double frictionHours = 0;       ///< per week, over every step
    double frictionCost = 0;        ///< per week, at each step's rate
    std::vector<char> alternative;  ///< out-edges carry shares (OR split); else parallel (AND)
    std::vector<int> starts;        ///< start nodes, by ascending id
    std::vector<char> live;         ///< reached from a start, and reaches an end
    Components components;

    bool solved = false;
    int start = kNoNode;          ///< the critical start (largest expected lead time)
    std::vector<double> expected; ///< L(v): expected lead time from v to the end
    std::vector<int> chosen;      ///< chosen out-edge of a parallel split (kNoNode: none)
    std::vector<double> visits;   ///< expected passes per item, along the critical path
    std::vector<double> edgeVisits;
    std::vector<double> labour;     ///< passes with every parallel branch worked
    bool labourApproximate = false; ///< a loop held parallel work that could not be weighed
    std::vector<int> pathOrder;     ///< nodes with visits > 0, in path order
    double rolledPca = 1;

    int nodeCount() const { return static_cast<int>(nodes.size()); }
    int outDegree(int v) const { return outBegin[v + 1] - outBegin[v]; }
    /// The node with this id, or kNoNode.
    int indexOf(model::Id id) const;
    /// Multiplier of an edge's source visits along the critical path: share for an OR
    /// split, 1 for the chosen branch of an AND split, 0 for the other branches.
    double criticalFactor(int edge) const;
};

/// Where the branches of each parallel split meet again (its immediate post-dominator):
/// joins[v] for a node v that splits into parallel work, joins[nodeCount()] for the parallel
/// starts; kNoNode when there is nothing to join or the branches never meet. Found by a short
/// sweep forward from each split, or, on loops, from the post-dominator tree
/// (dominatorTreeOnly: always from the tree, for tests that compare the two).
std::vector<int> joinPoints(const ValueStream& vs, bool dominatorTreeOnly);

/// Builds the value stream of the reporter's map, checks the map (every element's numbers
/// and references, then starts, splits, loops, connection) and, when no error was reported,
/// solves it.
ValueStream analyse(Reporter& report);

} // namespace gemba::metrics::detail
