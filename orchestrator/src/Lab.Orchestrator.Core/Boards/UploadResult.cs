namespace Lab.Orchestrator.Core.Boards;

/// <summary>The outcome of an upload that skips files the board already has.</summary>
/// <param name="RemotePath">Where the file is on the board.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Uploaded">False when the board already had the same content.</param>
public sealed record UploadResult(string RemotePath, string Sha256, bool Uploaded);
