import trainingDocumentRoutes from '../routes/training-documents';
import trainingRoutes from '../routes/trainings';
import { defineServerFeature } from '../feature';
import { trainingsPersonalData } from '../services/trainings/personal-data';

/** Catalogue, sessions, sign-up and waiting list, attendance, survey; library documents attached to trainings. */
export const trainings = defineServerFeature({
  name: 'trainings',
  routes: [trainingRoutes, trainingDocumentRoutes],
  personalData: trainingsPersonalData,
});
