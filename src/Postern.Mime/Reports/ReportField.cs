namespace Postern.Mime.Reports;

/// <summary>One field of a delivery or disposition report: its name as written and its decoded value.</summary>
public sealed record ReportField(string Name, string Value);
