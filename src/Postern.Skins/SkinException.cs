namespace Postern.Skins;

/// <summary>A skin management request cannot be carried out (no such skin, name taken, skin not empty…).</summary>
public sealed class SkinException(string message) : Exception(message);
