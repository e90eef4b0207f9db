import { defaultScenario, type Scenario } from '../../../src/state/scenario';
import { updaters } from '../../../src/state/scenarioUpdaters';

/** A scenario as a workshop group would leave it. */
export function workshopScenario(): Scenario {
  let s = updaters.setWeight(defaultScenario(), 'pobreza_pct', 35);
  s = updaters.setScope(s, { departamento: '08', provincia: null });
  s = updaters.setLayer(s, 'facilities', { visible: true, minAge: 30 });
  return updaters.setWorkshop(s, {
    title: 'Mesa 3 — Cusco',
    question: '¿En qué provincias de Cusco priorizamos el mantenimiento de establecimientos este año?',
    canvas: {
      decision: 'Elegir las 5 provincias que reciben el primer tramo del presupuesto de mantenimiento 2026.',
      innovation: 'Cruzar la antigüedad de los establecimientos con las emergencias atendidas y el inventario de la DIRESA.',
      ai: { addsValue: 'no_sabemos', why: 'Podría leer las fichas de inspección, pero primero hay que digitalizarlas.' },
    },
    participants: ['Ana Quispe (DIRESA)', 'Luis Huamán (GORE, planeamiento)', 'María Condori (red de salud)'],
    agreements: 'Validar las fechas de inicio de actividad con el inventario regional antes de decidir.',
    decisions: 'La Gerencia de Desarrollo Social decide el primer tramo el 15 de mayo.',
    author: 'Ana Quispe',
    createdAt: '2026-05-01T14:00:00.000Z',
    updatedAt: '2026-05-01T15:30:00.000Z',
  });
}

