namespace Postern.Ximss.Protocol.Requests;

/// <summary>A parsed XIMSS request. Every request carries the client's <c>id</c>, echoed on its data messages and final response.</summary>
/// <remarks>Parse requests with <see cref="XimssRequestParser"/>; each operation has one record type in this folder.</remarks>
public abstract record XimssRequest(string Id);
