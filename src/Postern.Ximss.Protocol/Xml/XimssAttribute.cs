namespace Postern.Ximss.Protocol.Xml;

/// <summary>One attribute of a <see cref="XimssElement"/>, with its value already unescaped.</summary>
public readonly record struct XimssAttribute(string Name, string Value);
