// XES (IEEE 1849) read with expat as a stream of elements: a log of any size needs memory for
// its events only, never for a document tree.

#include "gemba/model/text.h"
#include "gemba/store/errors.h"
#include "gemba/store/events.h"
#include "text_util.h"

#include <exception>
#include <expat.h>
#include <istream>
#include <map>
#include <memory>
#include <vector>

namespace gemba::store {

namespace {

struct XesEvent {
    std::string name;
    std::string timestamp;
    std::string transition;
    std::string resource;
    std::string role;
    std::uint32_t line = 0;
};

class XesReader {
public:
    XesReader(const std::string& file, const EventReadOptions& options)
        : m_file(file)
        , m_options(options)
        , m_builder(file) {}

    // No exception may cross expat's C frames: a callback keeps it and stops the parser.
    static void XMLCALL onStart(void* self, const XML_Char* name, const XML_Char** attributes) {
        auto* reader = static_cast<XesReader*>(self);
        try {
            reader->start(name, attributes);
        } catch (...) {
            reader->stop(std::current_exception());
        }
    }
    static void XMLCALL onEnd(void* self, const XML_Char* name) {
        auto* reader = static_cast<XesReader*>(self);
        try {
            reader->end(name);
        } catch (...) {
            reader->stop(std::current_exception());
        }
    }
    void stop(std::exception_ptr error) {
        if (!m_failed) {
            m_failed = true;
            m_error = error;
            XML_StopParser(m_parser, XML_FALSE);
        }
    }

    void start(std::string_view element, const XML_Char** attributes) {
        ++m_depth;
        if (m_failed)
            return;
        if (element == "trace") {
            m_inTrace = true;
            m_traceName.clear();
            m_traceType.clear();
            m_traceLine = line();
            m_events.clear();
            return;
        }
        if (element == "event") {
            m_inEvent = true;
            m_eventDepth = m_depth;
            m_event = XesEvent{};
            m_event.line = line();
            return;
        }
        // Attributes (string, date, int...) directly under a trace or an event.
        std::string_view key, value;
        for (const XML_Char** a = attributes; *a; a += 2) {
            if (std::string_view(a[0]) == "key")
                key = a[1];
            else if (std::string_view(a[0]) == "value")
                value = a[1];
        }
        if (m_inEvent && m_depth == m_eventDepth + 1) {
            if (key == "concept:name")
                m_event.name = value;
            else if (key == "time:timestamp")
                m_event.timestamp = value;
            else if (key == "lifecycle:transition")
                m_event.transition = model::toLower(value);
            else if (key == "org:resource")
                m_event.resource = value;
            else if (key == "org:role" || key == "org:group")
                m_event.role = value;
        } else if (m_inTrace && !m_inEvent && key == "concept:name") {
            m_traceName = value;
        } else if (m_inTrace && !m_inEvent && (key == "type" || key == "case:type")) {
            m_traceType = value;
        }
    }

    void end(std::string_view element) {
        --m_depth;
        if (m_failed)
            return;
        if (element == "event" && m_inEvent) {
            m_inEvent = false;
            m_events.push_back(std::move(m_event));
        } else if (element == "trace" && m_inTrace) {
            m_inTrace = false;
            finishTrace();
        }
    }

    [[noreturn]] void fail(std::uint32_t atLine, const std::string& problem) {
        throw InputError(m_file, "line " + std::to_string(atLine), problem);
    }

    void finishTrace() {
        if (m_traceName.empty())
            fail(m_traceLine, "a trace without concept:name (the item's id)");
        if (!detail::isValidUtf8(m_traceName))
            fail(m_traceLine, "the trace's name is not UTF-8 text");
        const std::uint32_t item = m_builder.item(m_traceName, m_traceType);
        std::map<std::string, std::vector<model::LogEvent>> starts;
        for (const XesEvent& x : m_events) {
            if (x.name.empty())
                fail(x.line, "an event without concept:name (its activity)");
            if (x.timestamp.empty())
                fail(x.line, "an event without time:timestamp");
            const auto time =
                parseTimestamp(x.timestamp, DateOrder::Unstated, m_options.defaultUtcOffsetMinutes);
            if (!time.ok())
                fail(x.line, "time:timestamp " + time.error());
            model::LogEvent event;
            event.item = item;
            event.activity = m_builder.activity(x.name);
            event.resource = m_builder.resource(x.resource);
            event.role = m_builder.role(x.role);
            event.row = x.line;
            event.start = event.end = time.value();
            if (x.transition == "start") {
                event.open = true;
                starts[x.name].push_back(event);
                continue;
            }
            if (!x.transition.empty() && x.transition != "complete")
                continue; // schedule, assign, suspend...: no duration of their own
            auto& open = starts[x.name];
            if (!open.empty()) {
                const model::LogEvent started = open.front();
                open.erase(open.begin());
                if (started.start > event.start)
                    fail(x.line, "'" + x.name + "' completes (" + model::isoTimestamp(event.start) +
                                     ") before it starts (" + model::isoTimestamp(started.start) +
                                     ")");
                event.start = started.start;
                if (event.resource == 0)
                    event.resource = started.resource;
                if (event.role == 0)
                    event.role = started.role;
            }
            m_builder.add(event);
        }
        for (auto& [name, open] : starts)
            for (const model::LogEvent& event : open)
                m_builder.add(event); // started, never completed: still in progress
    }

    std::uint32_t line() const {
        return static_cast<std::uint32_t>(XML_GetCurrentLineNumber(m_parser));
    }

    void read(std::istream& in) {
        std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
            XML_ParserCreate(nullptr), &XML_ParserFree);
        if (!parser)
            throw InputError(m_file, "", "out of memory for the XML parser");
        m_parser = parser.get();
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &XesReader::onStart, &XesReader::onEnd);
        std::vector<char> buffer(1 << 20);
        bool any = false;
        while (true) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            const auto got = in.gcount();
            const bool last = got == 0 || in.eof();
            any = any || got > 0;
            if (!any)
                throw InputError(m_file, "", "the file is empty");
            const auto status = XML_Parse(m_parser, buffer.data(), static_cast<int>(got), last);
            if (m_error)
                std::rethrow_exception(m_error);
            if (status == XML_STATUS_ERROR) {
                throw InputError(m_file,
                                 "line " + std::to_string(XML_GetCurrentLineNumber(m_parser)) +
                                     ", column " +
                                     std::to_string(XML_GetCurrentColumnNumber(m_parser)),
                                 std::string("not well-formed XML: ") +
                                     XML_ErrorString(XML_GetErrorCode(m_parser)));
            }
            if (last)
                break;
        }
    }

    model::EventLog finish() { return m_builder.finish(); }

private:
    const std::string& m_file;
    const EventReadOptions& m_options;
    model::EventLogBuilder m_builder;
    XML_Parser m_parser = nullptr;
    int m_depth = 0;
    int m_eventDepth = 0;
    bool m_inTrace = false;
    bool m_inEvent = false;
    bool m_failed = false;
    std::exception_ptr m_error;
    std::string m_traceName;
    std::string m_traceType;
    std::uint32_t m_traceLine = 0;
    XesEvent m_event;
    std::vector<XesEvent> m_events;
};

} // namespace

model::EventLog readXes(std::istream& in, const std::string& file,
                        const EventReadOptions& options) {
    XesReader reader(file, options);
    reader.read(in);
    return reader.finish();
}

} // namespace gemba::store
