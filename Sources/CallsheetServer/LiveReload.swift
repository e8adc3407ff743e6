/// The few lines that make an open page reload after a rebuild. They are added to HTML as it is
/// served, never written into the built site.
public enum LiveReload {
    /// Where pages listen for reloads.
    public static let path = "/__callsheet/reload"

    static let script = """
    <script>(function(){var url=(location.protocol==="https:"?"wss://":"ws://")+location.host+"\(path)";\
    function listen(delay){var socket=new WebSocket(url);socket.onmessage=function(event){if(event.data==="reload"){location.reload();}};\
    socket.onclose=function(){setTimeout(function(){listen(Math.min(delay*2,5000));},delay);};}listen(250);})();</script>
    """

    /// `html` with the reload script added before `</body>` (or at the end when there is none).
    public static func inject(into html: String) -> String {
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: range, with: script + "\n</body>")
        }
        return html + script + "\n"
    }
}

import Foundation
