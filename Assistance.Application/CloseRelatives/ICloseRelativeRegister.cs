namespace Assistance.Application.CloseRelatives;

using Assistance.Application.Abstractions;
using Assistance.Domain.CloseRelatives;

public interface ICloseRelativeRegister
{
    /// <summary>Stores a new registration and hands its events to the command's collector.</summary>
    Task AddAsync(RegionScope scope, CloseRelative relative, CancellationToken cancellationToken);

    Task<IReadOnlyList<CloseRelativeDto>> ListAsync(RegionScope scope, CancellationToken cancellationToken);
}
