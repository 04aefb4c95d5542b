namespace Assistance.Application.CloseRelatives;

using Assistance.Application.Abstractions;

public interface ICloseRelativeRegister
{
    Task AddAsync(RegionScope scope, CloseRelativeDto relative, CancellationToken cancellationToken);

    Task<IReadOnlyList<CloseRelativeDto>> ListAsync(RegionScope scope, CancellationToken cancellationToken);
}
