namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;setSessionOption id name value/&gt;</c>: sets one session option such as <c>idleTimeout</c> or <c>reportMailboxChanges</c> (docs/ximss.md §5.2).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Name">The option name, as sent; the server decides which names it knows.</param>
/// <param name="Value">The value, possibly empty.</param>
public sealed record SetSessionOptionRequest(string Id, string Name, string Value) : XimssRequest(Id)
{
    internal static SetSessionOptionRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("name"), reader.RequiredAllowEmpty("value"));
}
